import type { Activity, Regarding } from '../activity/activity';
import type { Id, Instant, UserId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { Opportunity, StageChange } from '../opportunity/opportunity';
import { hasNoNextStep, lastTouch } from '../opportunity/deal-touch';
import { isClosedStageId } from '../opportunity/stages';
import { figureDelta, recordFigures } from '../reports/figure-contributions';
import { addFigures, type FigureSet } from '../reports/figures';
import type { ChangeSet, IdempotencyRecord, Write } from './change-set';
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
  /**
   * A copy of an opportunity under a key its lists read in order (KEYS.md "Deal views"): `stage`
   * (the board's column, every deal), `touch` (open deals by last touch: stale is a key range),
   * `no-next` (open deals without a next activity). Written in the record's own transaction, so a
   * copy always equals the record.
   */
  | { readonly type: 'deal'; readonly view: DealView; readonly record: Opportunity }
  /** Recycle-bin pointer; a restore's deletion time is only known to storage (it reads the stored row). */
  | { readonly type: 'bin'; readonly kind: RecordKind; readonly id: Id; readonly deletedAt?: Instant }
  | { readonly type: 'history'; readonly change: StageChange }
  | { readonly type: 'outbox'; readonly event: DomainEvent }
  | { readonly type: 'idempotency'; readonly record: IdempotencyRecord };

export type DealView = 'stage' | 'touch' | 'no-next';

export type PartitionOp =
  | { readonly action: 'create' | 'upsert' | 'delete'; readonly row: PartitionRow }
  | { readonly action: 'update'; readonly row: PartitionRow; readonly expected: Version };

/**
 * One search-index row: outside the workspace's partition, carrying all the record's tokens (to
 * match every query word), its indexed ones (to list the record once, under the smallest) and the
 * record itself (so a confirmed row answers a search without reading the record; KEYS.md).
 */
export type IndexEntry = {
  readonly kind: RecordKind;
  readonly token: string;
  readonly id: Id;
  readonly tokens: readonly string[];
  readonly indexed: readonly string[];
  readonly record: AnyRecord;
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
  /**
   * Index rows confirmed AFTER the transaction: marked with the record's new version, guarded by
   * the ETag their BEFORE write got, so only a row still holding what this commit wrote is
   * confirmed. Every row a commit touches is written unconfirmed before it (search reads the
   * record behind an unconfirmed row), so a confirmed row always equals its record.
   */
  readonly indexConfirm: readonly IndexEntry[];
  /**
   * What the transaction adds to the workspace's figures (reports/figures.ts): one row operation
   * each, in the same transaction, guarded by the row's ETag (storage re-reads and retries a
   * figure row that changed meanwhile).
   */
  readonly figures: FigureSet;
  /**
   * Board copies (`deal`, view `stage`) written by the transaction, by index in `partition`, with
   * the record's `${kind}:${id}`: storage marks each with the record's new version afterwards.
   */
  readonly boardCopies: readonly { readonly at: number; readonly ref: string }[];
};

/** The partition rows a record brings besides its own: the email that guards duplicates, activities' regarding. */
export function derivedRows(kind: RecordKind, record: AnyRecord): PartitionRow[] {
  const rows: PartitionRow[] = [];
  const email = recordEmail(kind, record);
  if (email) rows.push({ type: 'email', kind, email, id: record.id });
  if (kind === 'activity')
    rows.push({ type: 'regarding', regarding: (record as Activity).regarding, id: record.id });
  if (kind === 'opportunity') rows.push(...dealViews(record as Opportunity));
  return rows;
}

/** The copies of a deal its lists read: every deal on the board, open ones by last touch and without a next step. */
export function dealViews(deal: Opportunity): PartitionRow[] {
  const rows: PartitionRow[] = [{ type: 'deal', view: 'stage', record: deal }];
  if (isClosedStageId(deal.stage)) return rows;
  rows.push({ type: 'deal', view: 'touch', record: deal });
  if (hasNoNextStep(deal)) rows.push({ type: 'deal', view: 'no-next', record: deal });
  return rows;
}

/** Where a deal view sorts within its view (the key part after the view's prefix, before the id). */
export function dealViewOrder(view: DealView, deal: Opportunity): string {
  switch (view) {
    case 'stage':
      return deal.stage;
    case 'touch':
      return lastTouch(deal).at;
    case 'no-next':
      return '';
    default: {
      const _exhaustive: never = view;
      return _exhaustive;
    }
  }
}

/** Rows that copy the record: rewritten whenever it changes, not only when their key does. */
const copiesRecord = (row: PartitionRow): boolean => row.type === 'deal';

/** The figure rows a record's counters live in (bulk writers count them into the transaction). */
export const figureRowsOf = <K extends RecordKind>(kind: K, record: RecordOf[K]): string[] => [
  ...recordFigures(kind, record).keys(),
];

/** The search-index rows of a record: one per indexed token, each carrying every token to match on. */
export function indexEntries(kind: RecordKind, record: AnyRecord): IndexEntry[] {
  const tokens = recordSearchTokens(kind, record as RecordOf[typeof kind]);
  const indexed = recordIndexTokens(kind, record as RecordOf[typeof kind]);
  return indexed.map((token) => ({ kind, token, id: record.id, tokens, indexed, record }));
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
    case 'deal':
      return `deal:${row.view}:${dealViewOrder(row.view, row.record)}:${row.record.id}`;
    case 'bin':
      return `bin:${row.kind}:${row.id}`;
    case 'history':
      return `his:${row.change.opportunityId}:${row.change.id}`;
    case 'outbox':
      return `out:${row.event.id}`;
    case 'idempotency':
      return `idm:${row.record.key}`;
  }
};

/**
 * Plans a change set. Throws for change sets no caller should build: another workspace's record or
 * event, one row twice, more than COMMIT_CAPACITY operations in the transaction.
 */
export function planCommit(ws: string, changes: ChangeSet): CommitPlan {
  const partition: PartitionOp[] = [];
  const versionAt = new Map<string, number>();
  const indexBefore: IndexEntry[] = [];
  const indexAfter: IndexEntry[] = [];
  const indexConfirm: IndexEntry[] = [];
  const figures = new Map<string, Map<string, bigint>>();

  for (const write of changes.writes) {
    if (write.type === 'stage-change') {
      partition.push({ action: 'create', row: { type: 'history', change: write.change } });
      continue;
    }
    checkRecord(ws, write);
    const { kind, record } = write;
    versionAt.set(`${kind}:${record.id}`, partition.length);
    const derived = derivedRows(kind, record);
    switch (write.type) {
      case 'insert':
        partition.push({ action: 'create', row: { type: 'record', kind, record } });
        // A new id cannot have rows yet: `create` (not upsert) is stricter, and faster on Azurite.
        for (const row of derived) partition.push({ action: 'create', row });
        indexBefore.push(...indexEntries(kind, record));
        indexConfirm.push(...indexEntries(kind, record));
        addFigures(figures, figureDelta(kind, undefined, record));
        break;
      case 'update': {
        partition.push({ action: 'update', row: { type: 'record', kind, record }, expected: write.expected });
        const before = derivedRows(kind, write.previous);
        const kept = new Set(derived.map(rowIdentity));
        const had = new Set(before.map(rowIdentity));
        for (const row of before) if (!kept.has(rowIdentity(row))) partition.push({ action: 'delete', row });
        for (const row of derived)
          if (!had.has(rowIdentity(row)) || copiesRecord(row)) partition.push({ action: 'upsert', row });
        addFigures(figures, figureDelta(kind, write.previous, record));
        // Index rows carry the record: all of its rows are rewritten unconfirmed before the
        // transaction (those of dropped tokens too, deleted after it), the new ones confirmed after.
        const oldEntries = indexEntries(kind, write.previous);
        const newEntries = indexEntries(kind, record);
        const stays = new Set(newEntries.map((e) => e.token));
        const dropped = oldEntries.filter((e) => !stays.has(e.token));
        indexBefore.push(...newEntries, ...dropped);
        indexAfter.push(...dropped);
        indexConfirm.push(...newEntries);
        break;
      }
      case 'delete': {
        const deletion: Deletion = { deletedAt: write.deletedAt, deletedBy: write.deletedBy };
        partition.push({
          action: 'update',
          row: { type: 'record', kind, record, deletion },
          expected: write.expected,
        });
        for (const row of derived) partition.push({ action: 'delete', row });
        partition.push({
          action: 'create',
          row: { type: 'bin', kind, id: record.id, deletedAt: write.deletedAt },
        });
        // Unconfirmed before (search then reads the record, deleted or not), gone after.
        indexBefore.push(...indexEntries(kind, record));
        indexAfter.push(...indexEntries(kind, record));
        addFigures(figures, figureDelta(kind, record, undefined));
        break;
      }
      case 'restore':
        partition.push({ action: 'update', row: { type: 'record', kind, record }, expected: write.expected });
        // The delete removed these rows, so they are created again.
        for (const row of derived) partition.push({ action: 'create', row });
        partition.push({ action: 'delete', row: { type: 'bin', kind, id: record.id } });
        indexBefore.push(...indexEntries(kind, record));
        indexConfirm.push(...indexEntries(kind, record));
        addFigures(figures, figureDelta(kind, undefined, record));
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

  checkPartition(partition, commitOperations({ partition, figures }));
  const boardCopies = partition.flatMap((op, at) =>
    op.action !== 'delete' && op.row.type === 'deal' && op.row.view === 'stage'
      ? [{ at, ref: `opportunity:${op.row.record.id}` }]
      : [],
  );
  return { partition, versionAt, indexBefore, indexAfter, indexConfirm, figures, boardCopies };
}

/** Operations of a plan's transaction: its partition rows and one per figure row it changes. */
export const commitOperations = (plan: Pick<CommitPlan, 'partition' | 'figures'>): number =>
  plan.partition.length + plan.figures.size;

/**
 * The transaction operations inserting this record takes: its row and its derived partition rows
 * (its index rows are written outside the transaction; the figure rows it counts in, `figureRowsOf`,
 * are shared by every record of a change set). Bulk writers pack change sets with both.
 */
export const insertCost = <K extends RecordKind>(kind: K, record: RecordOf[K]): number =>
  1 + derivedRows(kind, record).length;

function checkRecord(ws: string, write: Exclude<Write, { type: 'stage-change' }>): void {
  const { record } = write;
  if (record.workspaceId !== ws) {
    throw new Error(`${write.kind} ${record.id} belongs to workspace ${record.workspaceId}`);
  }
  if (write.type === 'update' && write.previous.id !== record.id) {
    throw new Error('update: previous is another record');
  }
}

function checkPartition(ops: readonly PartitionOp[], operations: number): void {
  if (operations > COMMIT_CAPACITY) {
    throw new Error(
      `A change set needs ${operations} table operations; one transaction holds ${COMMIT_CAPACITY}`,
    );
  }
  const seen = new Set<string>();
  for (const { row } of ops) {
    const identity = rowIdentity(row);
    if (seen.has(identity)) throw new Error(`A change set writes row ${identity} twice`);
    seen.add(identity);
  }
}
