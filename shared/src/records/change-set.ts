import type { Instant, UserId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { StageChange } from '../opportunity/opportunity';
import type { AnyRecord, RecordKind } from './records';
import type { Version } from './versions';

/** One write inside an atomic change set. `previous` lets storage maintain its index rows. */
export type Write =
  | { readonly type: 'insert'; readonly kind: RecordKind; readonly record: AnyRecord }
  | {
      readonly type: 'update';
      readonly kind: RecordKind;
      readonly record: AnyRecord;
      readonly previous: AnyRecord;
      readonly expected: Version;
    }
  | {
      readonly type: 'delete';
      readonly kind: RecordKind;
      readonly record: AnyRecord;
      readonly expected: Version;
      readonly deletedAt: Instant;
      readonly deletedBy: UserId;
    }
  | {
      readonly type: 'restore';
      readonly kind: RecordKind;
      readonly record: AnyRecord;
      readonly expected: Version;
    }
  | { readonly type: 'stage-change'; readonly change: StageChange }
  /**
   * A named counter of the workspace (the round-robin of new leads' owners): created when `expected`
   * is absent, else replaced if still at that version, so two writers cannot both move it.
   */
  | { readonly type: 'counter'; readonly name: string; readonly value: string; readonly expected?: Version };

/** Writes of records (every one but stage history and counters). */
export type RecordWrite = Exclude<Write, { type: 'stage-change' | 'counter' }>;
export const isRecordWrite = (write: Write): write is RecordWrite =>
  write.type !== 'stage-change' && write.type !== 'counter';

export type IdempotencyRecord = {
  readonly key: string;
  /** Hash of the request; the same key with another request is IDEMPOTENCY.KEY_REUSED. */
  readonly fingerprint: string;
  readonly response: unknown;
  readonly createdAt: Instant;
};

/** Everything one use case changes in one workspace: committed all or nothing, with its events. */
export type ChangeSet = {
  readonly writes: readonly Write[];
  readonly events: readonly DomainEvent[];
  readonly idempotency?: IdempotencyRecord;
};
