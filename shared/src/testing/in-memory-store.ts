import { decodeCursor, encodeCursor } from '../records/cursor';
import type { Id, Instant, UserId, WorkspaceId } from '../common/types';
import type { StageChange } from '../opportunity/opportunity';
import type { IdempotencyRecord } from '../records/change-set';
import type { DeadLetter, PendingEvent } from '../application/ports';
import type { Version } from '../records/versions';
import type { AnyRecord, RecordKind } from '../records/records';
import type { Member, Workspace } from '../workspace/workspace';

export type StoredRecord = {
  readonly kind: RecordKind;
  readonly record: AnyRecord;
  readonly version: Version;
  readonly deletion?: { readonly deletedAt: Instant; readonly deletedBy: UserId };
};

/** What one workspace's Table partition holds, as plain maps. */
export type Partition = {
  workspace?: { readonly record: Workspace; readonly version: Version };
  readonly members: Map<UserId, Member>;
  /** Keyed `${kind}:${id}`. */
  readonly records: Map<string, StoredRecord>;
  readonly history: Map<Id, StageChange>;
  /** By event id; its position (time, then id) is worked out when read. */
  readonly outbox: Map<Id, Omit<PendingEvent, 'position'>>;
  readonly deadLetters: Map<Id, DeadLetter>;
  readonly idempotency: Map<string, IdempotencyRecord>;
  /** The maintained figures (reports/figures.ts), kept by every commit like the Table rows. */
  readonly figures: Map<string, Map<string, bigint>>;
  readonly counters: Map<string, { readonly value: string; readonly version: Version }>;
};

/**
 * The state shared by the in-memory repositories (commit writes outbox rows the outbox reads).
 * Values go in and out through JSON, as they would through Table Storage: no shared references,
 * no `undefined` fields.
 */
export class InMemoryStore {
  readonly partitions = new Map<WorkspaceId, Partition>();
  /** `${tenantId}|${teamId}` → workspace id. */
  readonly bindings = new Map<string, WorkspaceId>();
  private versions = 0;

  partition(ws: WorkspaceId): Partition {
    let partition = this.partitions.get(ws);
    if (!partition) {
      partition = {
        members: new Map(),
        records: new Map(),
        history: new Map(),
        outbox: new Map(),
        deadLetters: new Map(),
        idempotency: new Map(),
        figures: new Map(),
        counters: new Map(),
      };
      this.partitions.set(ws, partition);
    }
    return partition;
  }

  /** Versions are opaque and never repeat, like ETags. */
  nextVersion(): Version {
    this.versions += 1;
    return `W/"mem-${this.versions}"` as Version;
  }
}

export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const recordRef = (kind: RecordKind, id: Id): string => `${kind}:${id}`;

/** One page of `keyed` (sorted by key) after the cursor. */
export function pageAfter<T>(
  keyed: readonly (readonly [string, T])[],
  limit: number,
  cursor: string | undefined,
) {
  const after = decodeCursor(cursor);
  const rest = after === undefined ? keyed : keyed.filter(([key]) => key > after);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(([, item]) => item),
    ...(rest.length > limit && last ? { nextCursor: encodeCursor(last[0]) } : {}),
  };
}

export const byKey = <T>(a: readonly [string, T], b: readonly [string, T]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new RangeError(`limit ${limit} is not 1–1000`);
}

export { decodeCursor, encodeCursor };
