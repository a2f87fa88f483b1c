import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { StageChange } from '../opportunity/opportunity';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import { matchesQuery } from '../common/search-tokens';
import type { Id, Instant, WorkspaceId } from '../common/types';
import type { Regarding } from '../activity/activity';
import { sameUser } from '../common/schemas';
import type {
  ActivityQuery,
  CommitReceipt,
  DealViewQuery,
  DeletedRecord,
  DueQuery,
  EmailEntry,
  FigureQuery,
  ListQuery,
  RecordRepository,
  SortedListQuery,
} from '../application/ports';
import type { Opportunity } from '../opportunity/opportunity';
import type { StageId } from '../opportunity/stage';
import type { FigureSet } from '../reports/figures';
import { boardColumn, confirmBoardCopies, dealsWithoutNextStep, staleDeals } from './table-deal-views';
import { TableFigures } from './table-figures';
import type { ChangeSet, IdempotencyRecord } from '../records/change-set';
import type { Page, Version, Versioned } from '../records/versions';
import {
  byChronology,
  drivingToken,
  matchesFilters,
  normaliseEmail,
  recordEmail,
  recordSearchTokens,
} from '../records/record-search';
import {
  BOOLEAN_FILTERS,
  RANGE_FILTERS,
  recordFilterNames,
  type RecordKind,
  type RecordOf,
} from '../records/records';
import { mapBounded } from './bounded';
import { planChangeSet } from './change-set-actions';
import { decodeCursor, encodeCursor } from './cursor';
import { jsonColumnNames, readJsonColumns } from './json-columns';
import {
  counterKey,
  doneAboutPrefix,
  duePrefix,
  emailPrefix,
  historyPrefix,
  openAboutPrefix,
  IDEMPOTENCY_PREFIX,
  idempotencyKey,
  isKeySafeId,
  prefixRange,
  recordKey,
  recordPrefix,
  regardingKey,
  regardingPrefix,
} from './record-keys';
import { indexRow, ROWS_VERSION_COLUMN, sortColumn, type Deletion } from './record-rows';
import { confirmIndexRows, deleteIndexRows, writeIndexRows } from './table-search-index';
import { indexEntries } from '../records/row-plan';
import { getDeleted, purgeDeleted, purgeRecord, recycleBin } from './table-recycle-bin';
import { allRows, deleteIfExists, pagesOf, pointRead, rangeFilter, takeRows } from './table-queries';
import { liveFromRow, readLiveRecord, readStoredRecord } from './table-record-reads';
import { SEARCH_BUDGET, searchRecords, type SearchBudget } from './table-record-search';
import { listEmails } from './table-email-index';
import { emailTaken, withOlderEmailRow } from './table-email-rows';
import { listSortedRecords } from './table-record-sort';

const READ_CONCURRENCY = 16;
const SCAN_COLUMNS = jsonColumnNames();

const emailInUse = (email: string) =>
  domainError('LEAD.EMAIL_IN_USE', 'Another lead of this workspace has this email.', {
    fields: { email: 'another lead has it' },
    details: { email },
  });

const stale = () =>
  domainError(
    'CONCURRENCY.STALE',
    'Something in this change was changed by someone else; reload and try again.',
  );

/** Records of every kind, one partition per workspace (see KEYS.md). */
export class TableRecordRepository implements RecordRepository {
  private readonly figures: TableFigures;

  /** `client`: the records table; `index`: the search table (see KEYS.md). */
  constructor(
    private readonly client: TableClient,
    private readonly index: TableClient,
    private readonly searchBudget: SearchBudget = SEARCH_BUDGET,
  ) {
    this.figures = new TableFigures(client);
  }

  get<K extends RecordKind>(ws: WorkspaceId, kind: K, id: Id): Promise<Versioned<RecordOf[K]> | undefined> {
    return readLiveRecord(this.client, ws, kind, id);
  }

  async getMany<K extends RecordKind>(
    ws: WorkspaceId,
    kind: K,
    ids: readonly Id[],
  ): Promise<Versioned<RecordOf[K]>[]> {
    const found = await mapBounded([...new Set(ids)], READ_CONCURRENCY, (id) => this.get(ws, kind, id));
    return found.filter((r): r is Versioned<RecordOf[K]> => r !== undefined);
  }

  async list<K extends RecordKind>(
    ws: WorkspaceId,
    kind: K,
    query: ListQuery<K>,
  ): Promise<Page<Versioned<RecordOf[K]>>> {
    checkLimit(query.limit);
    const filters = filterClause(kind, query.filters);
    if (query.sort) throw new Error('A sorted list goes through listSorted');
    if (!isKeySafeId(ws)) return { items: [] };
    const driving = query.q ? drivingToken(query.q) : undefined;
    if (query.q && driving) {
      const q = { ...query, q: query.q };
      return searchRecords(this.index, this.client, ws, kind, q, driving, this.searchBudget);
    }
    const range = prefixRange(recordPrefix(kind));
    const filter = rangeFilter(ws, range, decodeCursor(query.cursor), odata` and deleted eq false` + filters);
    const { rows, more } = await takeRows(this.client, filter, query.limit);
    const last = rows.at(-1)?.rowKey;
    const items = rows.map((row) => liveFromRow<K>(row));
    return more && last ? { items, nextCursor: encodeCursor(last) } : { items };
  }

  async listSorted<K extends RecordKind>(
    ws: WorkspaceId,
    kind: K,
    query: SortedListQuery<K>,
  ): Promise<Result<Page<Versioned<RecordOf[K]>>>> {
    checkLimit(query.limit);
    const filters = filterClause(kind, query.filters);
    if (!isKeySafeId(ws)) return ok({ items: [] });
    const filter = rangeFilter(
      ws,
      prefixRange(recordPrefix(kind)),
      undefined,
      odata` and deleted eq false` + filters,
    );
    return listSortedRecords(this.client, ws, kind, query, filter);
  }

  async *scan<K extends RecordKind>(ws: WorkspaceId, kind: K): AsyncIterable<Versioned<RecordOf[K]>> {
    if (!isKeySafeId(ws)) return;
    const filter = rangeFilter(ws, prefixRange(recordPrefix(kind)), undefined, odata` and deleted eq false`);
    // Reports and exports read every record: only the JSON columns (half the bytes to send and
    // parse), the next page asked for while this one is parsed.
    for await (const page of pagesOf(this.client, filter, { select: SCAN_COLUMNS, prefetch: true })) {
      for (const row of page.rows) yield liveFromRow<K>(row);
    }
  }

  async findByEmail<K extends 'lead' | 'contact'>(
    ws: WorkspaceId,
    kind: K,
    email: string,
  ): Promise<Versioned<RecordOf[K]>[]> {
    const wanted = normaliseEmail(email);
    if (!isKeySafeId(ws) || !wanted) return [];
    // A lead's row is keyed by the email alone; contacts' (and leads' written before) by email and id.
    const prefix = emailPrefix(kind, wanted);
    const range = { lo: prefix.slice(0, -1), hi: prefixRange(prefix).hi };
    const rows = await allRows(this.client, rangeFilter(ws, range), ['RowKey', 'id']);
    const ids = rows
      .filter((r) => r.rowKey === range.lo || String(r.rowKey).startsWith(prefix))
      .map((r) => String(r.id));
    const found = await this.getMany(ws, kind, [...new Set(ids)]);
    return found.filter((r) => recordEmail(kind, r.record) === wanted);
  }

  listEmails(ws: WorkspaceId, kind: 'lead' | 'contact'): AsyncIterable<EmailEntry> {
    return listEmails(this.client, ws, kind);
  }

  /**
   * With `regarding`: the `reg|<type>|<id>|` range of each record, merged by activity id. Each range
   * contributes its first `limit` rows, so the merged first `limit` are exact.
   */
  async listActivities(
    ws: WorkspaceId,
    query: ActivityQuery,
  ): Promise<Page<Versioned<RecordOf['activity']>>> {
    if (!query.regarding) return this.list(ws, 'activity', query);
    checkLimit(query.limit);
    filterClause('activity', query.filters);
    if (!isKeySafeId(ws)) return { items: [] };
    const after = decodeCursor(query.cursor);
    const regarding = [...new Map(query.regarding.map((r) => [`${r.type}|${r.id}`, r])).values()].filter(
      (r) => isKeySafeId(r.id),
    );
    const ranges = await mapBounded(regarding, READ_CONCURRENCY, (r) => {
      const range = prefixRange(regardingPrefix(r.type, r.id));
      const start = after === undefined ? undefined : regardingKey(r.type, r.id, after);
      return takeRows(this.client, rangeFilter(ws, range, start), query.limit, ['id']);
    });
    const ids = [...new Set(ranges.flatMap((r) => r.rows.map((row) => String(row.id))))].sort();
    const candidates = ids.slice(0, query.limit);
    const more = ids.length > query.limit || ranges.some((r) => r.more);
    const found = await mapBounded(candidates, READ_CONCURRENCY, (id) => this.get(ws, 'activity', id));
    const items = found.filter(
      (a): a is Versioned<RecordOf['activity']> =>
        a !== undefined &&
        matchesFilters(a.record, query.filters) &&
        (!query.q || matchesQuery(recordSearchTokens('activity', a.record), query.q)),
    );
    const last = candidates.at(-1);
    return more && last ? { items, nextCursor: encodeCursor(last) } : { items };
  }

  /**
   * `due|<owner>|` from `from` to `to`; each row's activity is read and re-checked (open, this owner,
   * due when the key says), so a row left behind by an older record never shows.
   */
  async listDue(ws: WorkspaceId, query: DueQuery): Promise<Page<Versioned<RecordOf['activity']>>> {
    checkLimit(query.limit);
    if (!isKeySafeId(ws)) return { items: [] };
    const prefix = duePrefix(query.ownerId);
    const range = {
      lo: query.from ? `${prefix}${query.from}` : prefix,
      hi: query.to ? `${prefix}${query.to}` : prefixRange(prefix).hi,
    };
    const { rows, more } = await takeRows(
      this.client,
      rangeFilter(ws, range, decodeCursor(query.cursor)),
      query.limit,
      ['RowKey', 'id'],
    );
    const found = await mapBounded(rows, READ_CONCURRENCY, (row) => this.get(ws, 'activity', String(row.id)));
    const items = found.filter(
      (a, i): a is Versioned<RecordOf['activity']> =>
        a !== undefined &&
        !a.record.completed &&
        sameUser(a.record.ownerId, query.ownerId) &&
        String(rows[i]?.rowKey).startsWith(`${prefix}${a.record.occurredAt}|`),
    );
    const last = rows.at(-1)?.rowKey;
    return more && last ? { items, nextCursor: encodeCursor(String(last)) } : { items };
  }

  /** `nxt|` (open, earliest first) or `lst|` (done, latest first) of one record, re-checked like listDue. */
  async activitiesAbout(
    ws: WorkspaceId,
    about: Regarding,
    state: 'open' | 'done',
    limit: number,
  ): Promise<Versioned<RecordOf['activity']>[]> {
    checkLimit(limit);
    if (!isKeySafeId(ws) || !isKeySafeId(about.id)) return [];
    const prefix =
      state === 'open' ? openAboutPrefix(about.type, about.id) : doneAboutPrefix(about.type, about.id);
    const items: Versioned<RecordOf['activity']>[] = [];
    let after: string | undefined;
    // Rows that no longer match their record are skipped; a few more pages at most.
    for (let round = 0; round < 5 && items.length < limit; round++) {
      const { rows, more } = await takeRows(
        this.client,
        rangeFilter(ws, prefixRange(prefix), after),
        limit - items.length,
        ['RowKey', 'id'],
      );
      const found = await mapBounded(rows, READ_CONCURRENCY, (row) =>
        this.get(ws, 'activity', String(row.id)),
      );
      for (const a of found) {
        if (!a || a.record.regarding.type !== about.type || a.record.regarding.id !== about.id) continue;
        if (a.record.completed === (state === 'open')) continue;
        items.push(a);
      }
      after = rows.at(-1)?.rowKey;
      if (!more || after === undefined) break;
    }
    return items;
  }

  async stageHistory(ws: WorkspaceId, opportunityId: Id): Promise<StageChange[]> {
    if (!isKeySafeId(ws) || !isKeySafeId(opportunityId)) return [];
    const rows = await allRows(this.client, rangeFilter(ws, prefixRange(historyPrefix(opportunityId))));
    return rows.map((row) => readJsonColumns<StageChange>(row)).sort(byChronology);
  }

  async getCounter(ws: WorkspaceId, name: string): Promise<Versioned<string> | undefined> {
    if (!isKeySafeId(ws)) return undefined;
    const row = await pointRead(this.client, ws, counterKey(name));
    return row ? { record: String(row.value), version: row.etag as Version } : undefined;
  }

  getDeleted(ws: WorkspaceId, kind: RecordKind, id: Id): Promise<DeletedRecord | undefined> {
    return getDeleted(this.client, ws, kind, id);
  }

  async recycleBin(ws: WorkspaceId, query: { limit: number; cursor?: string }): Promise<Page<DeletedRecord>> {
    checkLimit(query.limit);
    return recycleBin(this.client, ws, query);
  }

  purgeDeleted(ws: WorkspaceId, before: Instant): Promise<number> {
    return purgeDeleted(this.client, ws, before);
  }

  purgeRecord(ws: WorkspaceId, kind: RecordKind, id: Id): Promise<boolean> {
    return purgeRecord(this.client, ws, kind, id);
  }

  async findIdempotency(ws: WorkspaceId, key: string): Promise<IdempotencyRecord | undefined> {
    if (!isKeySafeId(ws)) return undefined;
    const row = await pointRead(this.client, ws, idempotencyKey(key));
    return row ? readJsonColumns<IdempotencyRecord>(row) : undefined;
  }

  /** Reads the workspace's `idm|` range and deletes the rows made before `before`, each with its ETag. */
  async purgeIdempotency(ws: WorkspaceId, before: Instant): Promise<number> {
    if (!isKeySafeId(ws)) return 0;
    let purged = 0;
    for await (const page of pagesOf(this.client, rangeFilter(ws, prefixRange(IDEMPOTENCY_PREFIX)))) {
      for (const row of page.rows) {
        const made = Date.parse(readJsonColumns<IdempotencyRecord>(row).createdAt);
        if (!(made < Date.parse(before))) continue;
        if (await deleteIfExists(this.client, ws, row.rowKey as string, row.etag as string)) purged += 1;
      }
    }
    return purged;
  }

  /** Drops what this process remembers of the workspace's figure rows (after `rebuildFigures`). */
  forgetFigures(ws: WorkspaceId): void {
    this.figures.forget(ws);
  }

  readFigures(ws: WorkspaceId, query: FigureQuery): Promise<FigureSet> {
    if (!isKeySafeId(ws)) return Promise.resolve(new Map());
    return this.figures.read(ws, query);
  }

  boardColumn(ws: WorkspaceId, stage: StageId, query: DealViewQuery): Promise<Page<Versioned<Opportunity>>> {
    checkLimit(query.limit);
    return boardColumn(this.client, ws, stage, query);
  }

  staleDeals(ws: WorkspaceId, before: Instant, query: DealViewQuery): Promise<Page<Opportunity>> {
    checkLimit(query.limit);
    return staleDeals(this.client, ws, before, query);
  }

  dealsWithoutNextStep(ws: WorkspaceId, query: DealViewQuery): Promise<Page<Opportunity>> {
    checkLimit(query.limit);
    return dealsWithoutNextStep(this.client, ws, query);
  }

  async commit(ws: WorkspaceId, changes: ChangeSet): Promise<Result<CommitReceipt>> {
    if (!isKeySafeId(ws)) throw new Error(`Workspace id ${JSON.stringify(ws)} cannot be a key`);
    const deletions = await this.deletionsToRestore(ws, changes);
    if (!deletions) return err(stale());
    const plan = planChangeSet(ws, changes, deletions, await this.legacyRows(ws, changes));
    if (plan.actions.length === 0) return ok({ versions: {} });
    // Index rows first, unconfirmed: until the transaction commits they point at records that do
    // not match them, and search reads the record behind an unconfirmed row.
    const indexEtags = await writeIndexRows(this.index, plan.indexBefore);
    // The figure rows ride in the same transaction; a figure row that changed meanwhile is retried
    // inside, so only a record that changed fails the commit. A lead's email row in its older form
    // is looked for under its older key (every action keeps its position, so versionAt holds).
    let actions: readonly TransactionAction[] = plan.actions;
    const mayBeMissing = new Set(plan.copyDeletes);
    let response;
    for (;;) {
      const sent = await this.figures.commit(ws, actions, plan.figures, mayBeMissing);
      if ('subResponses' in sent) {
        response = sent;
        break;
      }
      const older = withOlderEmailRow(sent, actions);
      if (older) {
        actions = older.actions;
        if (older.missing !== undefined) mayBeMissing.add(older.missing);
        continue;
      }
      await this.repairIndex(ws, changes);
      const email = emailTaken(sent, actions);
      return err(email === undefined ? stale() : emailInUse(email));
    }
    const versions: Record<string, Version> = {};
    for (const [key, index] of plan.versionAt) {
      const etag = response.subResponses[index]?.etag;
      if (!etag) throw new Error(`The transaction returned no ETag for ${key}`);
      versions[key] = etag as Version;
    }
    // Committed: a failure here only leaves index rows that search skips (the re-index sweeps them),
    // index rows and board copies without a version (read through their record).
    await Promise.all([
      deleteIndexRows(this.index, plan.indexAfter).catch(() => undefined),
      this.confirmIndex(ws, plan, versions, indexEtags).catch(() => undefined),
      confirmBoardCopies(
        this.client,
        ws,
        plan.boardCopies.map(({ at, ref }) => ({
          rowKey: String(actions[at]?.[1].rowKey),
          etag: response.subResponses[at]?.etag,
          version: versions[ref] as Version,
        })),
      ).catch(() => undefined),
    ]);
    return ok({ versions });
  }

  /**
   * Marks the commit's index rows with the records' new versions. A row another write changed since
   * this commit wrote it (a failed commit's repair, say, which read the record before this one
   * landed) may hold another token list: its record's rows are written again from the record.
   */
  private async confirmIndex(
    ws: WorkspaceId,
    plan: ReturnType<typeof planChangeSet>,
    versions: Readonly<Record<string, Version>>,
    etags: ReadonlyMap<string, string>,
  ): Promise<void> {
    const rows = plan.indexConfirm.map(({ row, ref }) => ({ row, ref, version: versions[ref] as Version }));
    const moved = await confirmIndexRows(this.index, rows, etags);
    const records = [...new Set(moved.map((m) => m.ref))];
    await mapBounded(records, READ_CONCURRENCY, (ref) => {
      const [kind, id] = ref.split(':') as [RecordKind, string];
      return this.rewriteIndex(ws, kind, id);
    });
  }

  /**
   * A failed commit may have rewritten index rows the record still has with a token list it never
   * got: write the stored record's own rows again, so search's pre-filter sees its real tokens.
   */
  private async repairIndex(ws: WorkspaceId, changes: ChangeSet): Promise<void> {
    const touched = changes.writes.flatMap((w) => (w.type === 'update' || w.type === 'restore' ? [w] : []));
    await mapBounded(touched, READ_CONCURRENCY, (write) =>
      this.rewriteIndex(ws, write.kind, write.record.id),
    );
  }

  /**
   * Writes a record's index rows from the record as stored, unconfirmed (only the commit that made a
   * version may confirm rows for it: KEYS.md "Search"), and again if the record changed meanwhile.
   */
  private async rewriteIndex(ws: WorkspaceId, kind: RecordKind, id: string): Promise<void> {
    for (let round = 0; round < 5; round++) {
      const current = await readLiveRecord(this.client, ws, kind, id);
      if (!current) return;
      const rows = indexEntries(kind, current.record).map((entry) => ({
        row: indexRow(ws, entry),
        fresh: false,
      }));
      await writeIndexRows(this.index, rows);
      const after = await readLiveRecord(this.client, ws, kind, id);
      if (after?.version === current.version) return;
    }
  }

  /**
   * Activities whose stored row predates their list rows (no `r_v`): their update or delete must not
   * delete rows they never had (row-plan.ts PlanOptions). One point read per activity changed.
   */
  private async legacyRows(ws: WorkspaceId, changes: ChangeSet): Promise<Set<string>> {
    const legacy = new Set<string>();
    const changed = changes.writes.flatMap((w) =>
      (w.type === 'update' || w.type === 'delete') && w.kind === 'activity' ? [w.record.id] : [],
    );
    await mapBounded(changed, READ_CONCURRENCY, async (id) => {
      const row = await pointRead(this.client, ws, recordKey('activity', id));
      if (row && row[ROWS_VERSION_COLUMN] === undefined) legacy.add(`activity:${id}`);
    });
    return legacy;
  }

  /** A restore removes the record's bin pointer, whose key holds the deletion time: read it first. */
  private async deletionsToRestore(
    ws: WorkspaceId,
    changes: ChangeSet,
  ): Promise<Map<string, Deletion> | undefined> {
    const deletions = new Map<string, Deletion>();
    for (const write of changes.writes) {
      if (write.type !== 'restore') continue;
      const stored = await readStoredRecord(this.client, ws, write.kind, write.record.id);
      if (!stored?.deletion || stored.version !== write.expected) return undefined;
      deletions.set(`${write.kind}:${write.record.id}`, stored.deletion);
    }
    return deletions;
  }
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new RangeError(`limit ${limit} is not 1–1000`);
  }
}

/**
 * Filters become OData comparisons on the row's top-level columns (a yes/no filter on a boolean
 * column, a range on the field's sort column); names are checked, values escaped.
 */
function filterClause(
  kind: RecordKind,
  filters: Readonly<Record<string, string | undefined>> | undefined,
): string {
  let clause = '';
  const allowed = recordFilterNames(kind);
  for (const [name, value] of Object.entries(filters ?? {})) {
    if (value === undefined) continue;
    if (!allowed.includes(name) || typeof value !== 'string') {
      throw new Error(`${kind} cannot be filtered by ${name}`);
    }
    const range = (RANGE_FILTERS as Readonly<Record<string, { field: string; bound: 'from' | 'to' }>>)[name];
    if (range) {
      clause += ` and ${sortColumn(range.field)} ${range.bound === 'from' ? 'ge' : 'lt'}` + odata` ${value}`;
    } else if (BOOLEAN_FILTERS.has(name)) {
      if (value !== 'true' && value !== 'false') throw new Error(`${name} is true or false, not ${value}`);
      clause += ` and ${name} eq ${value}`;
    } else {
      clause += ` and ${name}` + odata` eq ${value}`;
    }
  }
  return clause;
}
