import { upgradeActivity, type Activity, type Regarding } from '../activity/activity';
import { SUMMARY_KINDS } from '../activity/activity-summary';
import { happenedAt } from '../activity/activity-time';
import type { Id, Instant, UserId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { StageChange } from '../opportunity/opportunity';
import type { ChangeSet, IdempotencyRecord, RecordWrite } from './change-set';
import type { Version } from './versions';
import { recordEmail, recordIndexTokens, recordSearchTokens } from './record-search';
import type { AnyRecord, RecordKind, RecordOf } from './records';

/**
 * The row plan: which rows each write of a change set costs, in the terms of storage's key design
 * (shared/src/storage/KEYS.md) but without its SDK. Storage turns the plan into one entity-group
 * transaction plus search-index writes; the in-memory fake and bulk writers count with it, so all
 * three agree on what a record costs.
 */

/** `commit` writes one entity-group transaction: at most this many table operations. */
export const COMMIT_CAPACITY = 100;

export type Deletion = { readonly deletedAt: Instant; readonly deletedBy: UserId };

/** A row of the workspace's own partition (committed atomically with the record). */
export type PartitionRow =
  | {
      readonly type: 'record';
      readonly kind: RecordKind;
      readonly record: AnyRecord;
      readonly deletion?: Deletion;
    }
  | { readonly type: 'email'; readonly kind: RecordKind; readonly email: string; readonly id: Id }
  | { readonly type: 'regarding'; readonly regarding: Regarding; readonly id: Id }
  /** An open activity on its owner's list, by due time (My day). */
  | { readonly type: 'due'; readonly ownerId: UserId; readonly dueAt: Instant; readonly id: Id }
  /** An open activity about a lead or deal, by due time (its next activity). */
  | { readonly type: 'open'; readonly regarding: Regarding; readonly dueAt: Instant; readonly id: Id }
  /** A done activity about a lead or deal, latest first (its last activity). */
  | { readonly type: 'done'; readonly regarding: Regarding; readonly at: Instant; readonly id: Id }
  /** Recycle-bin pointer; a restore's deletion time is only known to storage (it reads the stored row). */
  | { readonly type: 'bin'; readonly kind: RecordKind; readonly id: Id; readonly deletedAt?: Instant }
  | { readonly type: 'history'; readonly change: StageChange }
  | { readonly type: 'counter'; readonly name: string; readonly value: string }
  | { readonly type: 'outbox'; readonly event: DomainEvent }
  | { readonly type: 'idempotency'; readonly record: IdempotencyRecord };

export type PartitionOp =
  | { readonly action: 'create' | 'upsert' | 'delete'; readonly row: PartitionRow }
  | { readonly action: 'update'; readonly row: PartitionRow; readonly expected: Version };

/**
 * One search-index row: outside the workspace's partition, carrying all the record's tokens (to
 * match every query word) and its indexed ones (to list the record once, under the smallest).
 */
export type IndexEntry = {
  readonly kind: RecordKind;
  readonly token: string;
  readonly id: Id;
  readonly tokens: readonly string[];
  readonly indexed: readonly string[];
};

export type CommitPlan = {
  /** The transaction, in order. */
  readonly partition: readonly PartitionOp[];
  /** `${kind}:${id}` → index in `partition` of the op whose result is the record's new version. */
  readonly versionAt: ReadonlyMap<string, number>;
  /**
   * Index rows written BEFORE the transaction: a commit that then fails leaves rows that point at a
   * record which does not match them, and search re-checks every hit against the record.
   */
  readonly indexBefore: readonly IndexEntry[];
  /** Index rows deleted AFTER the transaction (a crash in between leaves harmless orphans). */
  readonly indexAfter: readonly IndexEntry[];
};

/**
 * The partition rows a record brings besides its own: the email that guards duplicates; an
 * activity's regarding row, and its place on its owner's list (open) and in its lead's or deal's
 * open or done activities.
 */
export function derivedRows(kind: RecordKind, record: AnyRecord): PartitionRow[] {
  const rows: PartitionRow[] = [];
  const email = recordEmail(kind, record);
  if (email) rows.push({ type: 'email', kind, email, id: record.id });
  if (kind === 'activity') rows.push(...activityRows(upgradeActivity(record as Activity)));
  return rows;
}

function activityRows(a: Activity): PartitionRow[] {
  const { regarding, id } = a;
  const rows: PartitionRow[] = [{ type: 'regarding', regarding, id }];
  const about = (SUMMARY_KINDS as readonly string[]).includes(regarding.type);
  const done = happenedAt(a);
  if (done === undefined) {
    rows.push({ type: 'due', ownerId: a.ownerId, dueAt: a.occurredAt, id });
    if (about) rows.push({ type: 'open', regarding, dueAt: a.occurredAt, id });
  } else if (about) {
    rows.push({ type: 'done', regarding, at: done, id });
  }
  return rows;
}

/**
 * Rows that records written before the activity lists (`due`, `open`, `done`) do not have. Storage
 * says which records of a change set are that old (`PlanOptions.legacy`): their update or delete
 * removes none of these rows (a delete of a row that is not there would fail the transaction) and
 * writes the new ones with upsert; the lists re-check every row against its record, and `npm run
 * reindex` adds the missing rows of records not written since.
 */
const LAYOUT_ROWS: ReadonlySet<PartitionRow['type']> = new Set(['due', 'open', 'done']);

export type PlanOptions = {
  /** `${kind}:${id}` of records whose stored row predates LAYOUT_ROWS. */
  readonly legacy?: ReadonlySet<string>;
};

/** The search-index rows of a record: one per indexed token, each carrying every token to match on. */
export function indexEntries(kind: RecordKind, record: AnyRecord): IndexEntry[] {
  const tokens = recordSearchTokens(kind, record as RecordOf[typeof kind]);
  const indexed = recordIndexTokens(kind, record as RecordOf[typeof kind]);
  return indexed.map((token) => ({ kind, token, id: record.id, tokens, indexed }));
}

/** Identity of a partition row inside one plan (storage's row key says the same, with escaping). */
const rowIdentity = (row: PartitionRow): string => {
  switch (row.type) {
    case 'record':
      return `rec:${row.kind}:${row.record.id}`;
    case 'email':
      return `eml:${row.kind}:${row.email}:${row.id}`;
    case 'regarding':
      return `reg:${row.regarding.type}:${row.regarding.id}:${row.id}`;
    case 'due':
      return `due:${row.ownerId}:${row.dueAt}:${row.id}`;
    case 'open':
      return `nxt:${row.regarding.type}:${row.regarding.id}:${row.dueAt}:${row.id}`;
    case 'done':
      return `lst:${row.regarding.type}:${row.regarding.id}:${row.at}:${row.id}`;
    case 'bin':
      return `bin:${row.kind}:${row.id}`;
    case 'history':
      return `his:${row.change.opportunityId}:${row.change.id}`;
    case 'counter':
      return `cnt:${row.name}`;
    case 'outbox':
      return `out:${row.event.id}`;
    case 'idempotency':
      return `idm:${row.record.key}`;
  }
};

const sameEntries = (a: readonly IndexEntry[], b: readonly IndexEntry[]): boolean =>
  a.length === b.length &&
  a.every((e, i) => e.token === b[i]?.token && e.tokens.join(' ') === b[i]?.tokens.join(' '));

/**
 * Plans a change set. Throws for change sets no caller should build: another workspace's record or
 * event, one row twice, more than COMMIT_CAPACITY operations in the transaction.
 */
export function planCommit(ws: string, changes: ChangeSet, options: PlanOptions = {}): CommitPlan {
  const plan = buildPlan(ws, changes, options);
  checkPartition(plan.partition);
  return plan;
}

/**
 * How many transaction operations a change set takes (at most: rows a record written before the
 * activity layout never had are counted too), so a use case that gathers many writes (a merge) can
 * refuse what one transaction cannot hold instead of failing at commit.
 */
export const commitOperationCount = (ws: string, changes: ChangeSet): number =>
  buildPlan(ws, changes, {}).partition.length;

function buildPlan(ws: string, changes: ChangeSet, options: PlanOptions): CommitPlan {
  const partition: PartitionOp[] = [];
  const versionAt = new Map<string, number>();
  const indexBefore: IndexEntry[] = [];
  const indexAfter: IndexEntry[] = [];

  for (const write of changes.writes) {
    if (write.type === 'stage-change') {
      partition.push({ action: 'create', row: { type: 'history', change: write.change } });
      continue;
    }
    if (write.type === 'counter') {
      const row: PartitionRow = { type: 'counter', name: write.name, value: write.value };
      versionAt.set(`counter:${write.name}`, partition.length);
      partition.push(
        write.expected ? { action: 'update', row, expected: write.expected } : { action: 'create', row },
      );
      continue;
    }
    checkRecord(ws, write);
    const { kind, record } = write;
    versionAt.set(`${kind}:${record.id}`, partition.length);
    const derived = derivedRows(kind, record);
    const legacy = options.legacy?.has(`${kind}:${record.id}`) === true;
    /** The rows the stored record has: none of the new layout's when it is that old. */
    const stored = (r: AnyRecord) =>
      derivedRows(kind, r).filter((row) => !legacy || !LAYOUT_ROWS.has(row.type));
    switch (write.type) {
      case 'insert':
        partition.push({ action: 'create', row: { type: 'record', kind, record } });
        // A new id cannot have rows yet: `create` (not upsert) is stricter, and faster on Azurite.
        for (const row of derived) partition.push({ action: 'create', row });
        indexBefore.push(...indexEntries(kind, record));
        break;
      case 'update': {
        partition.push({ action: 'update', row: { type: 'record', kind, record }, expected: write.expected });
        const before = stored(write.previous);
        const kept = new Set(derived.map(rowIdentity));
        const had = new Set(before.map(rowIdentity));
        for (const row of before) if (!kept.has(rowIdentity(row))) partition.push({ action: 'delete', row });
        for (const row of derived) if (!had.has(rowIdentity(row))) partition.push({ action: 'upsert', row });
        const oldEntries = indexEntries(kind, write.previous);
        const newEntries = indexEntries(kind, record);
        // Index rows carry the record's whole token list: when it changes, all of them are rewritten.
        if (!sameEntries(oldEntries, newEntries)) {
          indexBefore.push(...newEntries);
          const stays = new Set(newEntries.map((e) => e.token));
          indexAfter.push(...oldEntries.filter((e) => !stays.has(e.token)));
        }
        break;
      }
      case 'delete': {
        const deletion: Deletion = { deletedAt: write.deletedAt, deletedBy: write.deletedBy };
        partition.push({
          action: 'update',
          row: { type: 'record', kind, record, deletion },
          expected: write.expected,
        });
        for (const row of stored(record)) partition.push({ action: 'delete', row });
        partition.push({
          action: 'create',
          row: { type: 'bin', kind, id: record.id, deletedAt: write.deletedAt },
        });
        indexAfter.push(...indexEntries(kind, record));
        break;
      }
      case 'restore':
        partition.push({ action: 'update', row: { type: 'record', kind, record }, expected: write.expected });
        // The delete removed these rows, so they are created again.
        for (const row of derived) partition.push({ action: 'create', row });
        partition.push({ action: 'delete', row: { type: 'bin', kind, id: record.id } });
        indexBefore.push(...indexEntries(kind, record));
        break;
      default: {
        const _exhaustive: never = write;
        throw new Error(`Unknown write ${JSON.stringify(_exhaustive)}`);
      }
    }
  }
  for (const event of changes.events) {
    if (event.workspaceId !== ws)
      throw new Error(`Event ${event.id} belongs to workspace ${event.workspaceId}`);
    partition.push({ action: 'create', row: { type: 'outbox', event } });
  }
  if (changes.idempotency)
    partition.push({ action: 'create', row: { type: 'idempotency', record: changes.idempotency } });
  return { partition, versionAt, indexBefore, indexAfter };
}

/**
 * The transaction operations inserting this record takes: its row and its derived partition rows
 * (its index rows are written outside the transaction). Bulk writers pack change sets with it.
 */
export const insertCost = <K extends RecordKind>(kind: K, record: RecordOf[K]): number =>
  1 + derivedRows(kind, record).length;

function checkRecord(ws: string, write: RecordWrite): void {
  const { record } = write;
  if (record.workspaceId !== ws) {
    throw new Error(`${write.kind} ${record.id} belongs to workspace ${record.workspaceId}`);
  }
  if (write.type === 'update' && write.previous.id !== record.id) {
    throw new Error('update: previous is another record');
  }
}

function checkPartition(ops: readonly PartitionOp[]): void {
  if (ops.length > COMMIT_CAPACITY) {
    throw new Error(
      `A change set needs ${ops.length} table operations; one transaction holds ${COMMIT_CAPACITY}`,
    );
  }
  const seen = new Set<string>();
  for (const { row } of ops) {
    const identity = rowIdentity(row);
    if (seen.has(identity)) throw new Error(`A change set writes row ${identity} twice`);
    seen.add(identity);
  }
}
