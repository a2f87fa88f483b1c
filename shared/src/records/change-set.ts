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
  | { readonly type: 'stage-change'; readonly change: StageChange };

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
