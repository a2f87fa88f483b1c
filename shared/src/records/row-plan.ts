import { upgradeActivity, type Activity, type Regarding } from '../activity/activity';
import { SUMMARY_KINDS } from '../activity/activity-summary';
import { happenedAt } from '../activity/activity-time';
import type { Id, Instant, UserId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { Opportunity, StageChange } from '../opportunity/opportunity';
import { hasNoNextStep, lastTouch } from '../opportunity/deal-touch';
import { isClosedStageId } from '../opportunity/stages';
import { figureDelta, recordFigures } from '../reports/figure-contributions';
import { addFigures, type FigureSet } from '../reports/figures';
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
  /**
   * The email a lead or contact is found by. A lead's is keyed by the email alone (a lead's email is
   * unique in its workspace: a second lead with it fails the transaction); a contact's by email and id.
   */
  | {
      readonly type: 'email';
      readonly kind: RecordKind;
      readonly email: string;
      readonly id: Id;
      /** A lead a person created beside another with its email (`emailShared`): keyed by email and id. */
      readonly shared?: boolean;
    }
  | { readonly type: 'regarding'; readonly regarding: Regarding; readonly id: Id }
  /**
   * A copy of an opportunity under a key its lists read in order (KEYS.md "Deal views"): `stage`
   * (the board's column, every deal), `touch` (open deals by last touch: stale is a key range),
   * `no-next` (open deals without a next activity). Written in the record's own transaction, so a
   * copy always equals the record.
   */
  | { readonly type: 'deal'; readonly view: DealView; readonly record: Opportunity }
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

/**
 * The partition rows a record brings besides its own: the email that guards duplicates; an
 * activity's regarding row, and its place on its owner's list (open) and in its lead's or deal's
 * open or done activities.
 */
export function derivedRows(kind: RecordKind, record: AnyRecord): PartitionRow[] {
  const rows: PartitionRow[] = [];
  const email = recordEmail(kind, record);
  if (email) {
    const shared = kind === 'lead' && (record as { emailShared?: boolean }).emailShared === true;
    rows.push({ type: 'email', kind, email, id: record.id, ...(shared ? { shared } : {}) });
  }
  if (kind === 'activity') rows.push(...activityRows(upgradeActivity(record as Activity)));
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
  return indexed.map((token) => ({ kind, token, id: record.id, tokens, indexed, record }));
}

/** Whether a kind's email row is keyed by the email alone: one record of the kind per email. */
export const hasUniqueEmail = (kind: RecordKind): boolean => kind === 'lead';

/** Identity of a partition row inside one plan (storage's row key says the same, with escaping). */
const rowIdentity = (row: PartitionRow): string => {
  switch (row.type) {
    case 'record':
      return `rec:${row.kind}:${row.record.id}`;
    case 'email':
      return hasUniqueEmail(row.kind) && !row.shared
        ? `eml:${row.kind}:${row.email}`
        : `eml:${row.kind}:${row.email}:${row.id}`;
    case 'regarding':
      return `reg:${row.regarding.type}:${row.regarding.id}:${row.id}`;
    case 'deal':
      return `deal:${row.view}:${dealViewOrder(row.view, row.record)}:${row.record.id}`;
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

/**
 * Plans a change set. Throws for change sets no caller should build: another workspace's record or
 * event, one row twice, more than COMMIT_CAPACITY operations in the transaction.
 */
export function planCommit(ws: string, changes: ChangeSet, options: PlanOptions = {}): CommitPlan {
  const plan = buildPlan(ws, changes, options);
  checkPartition(plan.partition, commitOperations(plan));
  return plan;
}

/**
 * How many transaction operations a change set takes (at most: rows a record written before the
 * activity layout never had are counted too), so a use case that gathers many writes (a merge) can
 * refuse what one transaction cannot hold instead of failing at commit.
 */
export const commitOperationCount = (ws: string, changes: ChangeSet): number =>
  commitOperations(buildPlan(ws, changes, {}));

function buildPlan(ws: string, changes: ChangeSet, options: PlanOptions): CommitPlan {
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
        indexConfirm.push(...indexEntries(kind, record));
        addFigures(figures, figureDelta(kind, undefined, record));
        break;
      case 'update': {
        partition.push({ action: 'update', row: { type: 'record', kind, record }, expected: write.expected });
        const before = stored(write.previous);
        const kept = new Set(derived.map(rowIdentity));
        const had = new Set(before.map(rowIdentity));
        for (const row of before) if (!kept.has(rowIdentity(row))) partition.push({ action: 'delete', row });
        // A unique email is created, never upserted: taking another lead's email must fail. A row
        // that copies the record (a deal view) is rewritten even when its key stays.
        for (const row of derived)
          if (!had.has(rowIdentity(row)))
            partition.push({ action: isUniqueEmail(row) ? 'create' : 'upsert', row });
          else if (copiesRecord(row)) partition.push({ action: 'upsert', row });
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
        for (const row of stored(record)) partition.push({ action: 'delete', row });
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

  const boardCopies = partition.flatMap((op, at) =>
    op.action !== 'delete' && op.row.type === 'deal' && op.row.view === 'stage'
      ? [{ at, ref: `opportunity:${op.row.record.id}` }]
      : [],
  );
  return { partition, versionAt, indexBefore, indexAfter, indexConfirm, figures, boardCopies };
}

const isUniqueEmail = (row: PartitionRow): boolean =>
  row.type === 'email' && hasUniqueEmail(row.kind) && !row.shared;

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

function checkRecord(ws: string, write: RecordWrite): void {
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
