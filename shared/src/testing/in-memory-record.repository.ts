import type { Result } from '../common/result';
import { matchesQuery } from '../common/search-tokens';
import type { Id, Instant, WorkspaceId } from '../common/types';
import type {
  ActivityQuery,
  BoardColumnQuery,
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
import { hasNoNextStep, lastTouch } from '../opportunity/deal-touch';
import type { StageId } from '../opportunity/stage';
import { isClosedStageId } from '../opportunity/stages';
import type { FigureSet } from '../reports/figures';
import type { ChangeSet, IdempotencyRecord } from '../records/change-set';
import type { Page, Versioned } from '../records/versions';
import type { StageChange } from '../opportunity/opportunity';
import { SORT_CAP, sortColumnValues, sortedPage, sortEntry, tooManyToSort } from '../records/record-sort';
import { err, ok } from '../common/result';
import {
  byChronology,
  drivingToken,
  listedUnder,
  recordIndexTokens,
  matchesFilters,
  normaliseEmail,
  recordEmail,
  recordSearchTokens,
} from '../records/record-search';
import { recordFilterNames, type RecordKind, type RecordOf } from '../records/records';
import type { Activity, Regarding } from '../activity/activity';
import { byDue, happenedAt } from '../activity/activity-time';
import { sameUser } from '../common/schemas';
import { applyChangeSet } from './in-memory-commit';
import {
  byKey,
  checkLimit,
  copy,
  pageAfter,
  recordRef,
  type InMemoryStore,
  type StoredRecord,
} from './in-memory-store';

/** Same order as the Table recycle bin: newest deletion first. */
const binOrder = (deletedAt: Instant, kind: RecordKind, id: Id): string =>
  `${String(9_999_999_999_999 - Date.parse(deletedAt)).padStart(13, '0')}|${kind}|${id}`;

/** RecordRepository in memory, with the Table implementation's semantics (see the contract tests). */
export class InMemoryRecordRepository implements RecordRepository {
  constructor(private readonly store: InMemoryStore) {}

  async get<K extends RecordKind>(
    ws: WorkspaceId,
    kind: K,
    id: Id,
  ): Promise<Versioned<RecordOf[K]> | undefined> {
    const stored = this.store.partitions.get(ws)?.records.get(recordRef(kind, id));
    return stored && !stored.deletion ? versioned<K>(stored) : undefined;
  }

  async getMany<K extends RecordKind>(
    ws: WorkspaceId,
    kind: K,
    ids: readonly Id[],
  ): Promise<Versioned<RecordOf[K]>[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.get(ws, kind, id)));
    return found.filter((r): r is Versioned<RecordOf[K]> => r !== undefined);
  }

  async list<K extends RecordKind>(
    ws: WorkspaceId,
    kind: K,
    query: ListQuery<K>,
  ): Promise<Page<Versioned<RecordOf[K]>>> {
    checkLimit(query.limit);
    checkFilters(kind, query.filters);
    if (query.sort) throw new Error('A sorted list goes through listSorted');
    const live = this.live(ws, kind).filter((s) => matchesFilters(s.record, query.filters));
    const driving = query.q ? drivingToken(query.q) : undefined;
    if (!query.q || !driving) {
      return pageAfter(
        live.map((s) => [s.record.id, versioned<K>(s)] as const),
        query.limit,
        query.cursor,
      );
    }
    const q = query.q;
    const keyed: (readonly [string, Versioned<RecordOf[K]>])[] = [];
    for (const stored of live) {
      const tokens = recordSearchTokens(kind, stored.record as RecordOf[K]);
      const under = listedUnder(recordIndexTokens(kind, stored.record as RecordOf[K]), driving);
      if (under !== undefined && matchesQuery(tokens, q)) {
        keyed.push([`${under}|${stored.record.id}`, versioned<K>(stored)]);
      }
    }
    return pageAfter(keyed.sort(byKey), query.limit, query.cursor);
  }

  /** The Table implementation's order and cap, from the same sort columns (record-sort.ts). */
  async listSorted<K extends RecordKind>(
    ws: WorkspaceId,
    kind: K,
    query: SortedListQuery<K>,
  ): Promise<Result<Page<Versioned<RecordOf[K]>>>> {
    checkLimit(query.limit);
    checkFilters(kind, query.filters);
    const live = this.live(ws, kind).filter((s) => matchesFilters(s.record, query.filters));
    const cap = query.cap ?? SORT_CAP;
    if (live.length > cap) return err(tooManyToSort(cap));
    const entries = live.map((s) =>
      sortEntry(kind, query.sort.field, s.record.id, sortColumnValues(kind, s.record)),
    );
    const page = sortedPage(kind, query.sort, entries, query.limit, query.cursor);
    const byId = new Map(live.map((s) => [s.record.id, s]));
    return ok({
      items: page.ids.map((id) => versioned<K>(byId.get(id)!)),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    });
  }

  async *scan<K extends RecordKind>(ws: WorkspaceId, kind: K): AsyncIterable<Versioned<RecordOf[K]>> {
    for (const stored of this.live(ws, kind)) yield versioned<K>(stored);
  }

  async findByEmail<K extends 'lead' | 'contact'>(
    ws: WorkspaceId,
    kind: K,
    email: string,
  ): Promise<Versioned<RecordOf[K]>[]> {
    const wanted = normaliseEmail(email);
    return this.live(ws, kind)
      .filter((s) => wanted !== '' && recordEmail(kind, s.record) === wanted)
      .map((s) => versioned<K>(s));
  }

  async *listEmails(ws: WorkspaceId, kind: 'lead' | 'contact'): AsyncIterable<EmailEntry> {
    const entries = this.live(ws, kind).flatMap((s) => {
      const email = recordEmail(kind, s.record);
      return email ? [{ email, id: s.record.id }] : [];
    });
    // The Table rows' order: by email, then id.
    yield* entries.sort((a, b) => compareText(a.email, b.email) || compareText(a.id, b.id));
  }

  async listActivities(
    ws: WorkspaceId,
    query: ActivityQuery,
  ): Promise<Page<Versioned<RecordOf['activity']>>> {
    if (!query.regarding) return this.list(ws, 'activity', query);
    checkLimit(query.limit);
    checkFilters('activity', query.filters);
    const about = new Set(query.regarding.map((r) => `${r.type}|${r.id}`));
    const keyed = this.live(ws, 'activity')
      .map((s) => versioned<'activity'>(s))
      .filter(({ record }) => about.has(`${record.regarding.type}|${record.regarding.id}`))
      .filter(({ record }) => matchesFilters(record, query.filters))
      .filter(({ record }) => !query.q || matchesQuery(recordSearchTokens('activity', record), query.q))
      .map((a) => [a.record.id, a] as const);
    return pageAfter(keyed, query.limit, query.cursor);
  }

  async listDue(ws: WorkspaceId, query: DueQuery): Promise<Page<Versioned<RecordOf['activity']>>> {
    checkLimit(query.limit);
    const keyed = this.live(ws, 'activity')
      .map((s) => versioned<'activity'>(s))
      .filter(
        ({ record: a }) =>
          !a.completed &&
          sameUser(a.ownerId, query.ownerId) &&
          (query.from === undefined || a.occurredAt >= query.from) &&
          (query.to === undefined || a.occurredAt < query.to),
      )
      .sort((a, b) => byDue(a.record, b.record))
      // The Table key's order: due instant, then id.
      .map((a) => [`${a.record.occurredAt}|${a.record.id}`, a] as const);
    return pageAfter(keyed, query.limit, query.cursor);
  }

  async activitiesAbout(
    ws: WorkspaceId,
    about: Regarding,
    state: 'open' | 'done',
    limit: number,
  ): Promise<Versioned<RecordOf['activity']>[]> {
    checkLimit(limit);
    const mine = this.live(ws, 'activity')
      .map((s) => versioned<'activity'>(s))
      .filter(
        ({ record: a }) =>
          a.regarding.type === about.type &&
          a.regarding.id === about.id &&
          a.completed === (state === 'done'),
      );
    const ordered =
      state === 'open'
        ? mine.sort((a, b) => byDue(a.record, b.record))
        : mine.sort((a, b) => byLatestDone(a.record, b.record));
    return ordered.slice(0, limit);
  }

  async stageHistory(ws: WorkspaceId, opportunityId: Id): Promise<StageChange[]> {
    const history = [...(this.store.partitions.get(ws)?.history.values() ?? [])];
    return copy(history.filter((c) => c.opportunityId === opportunityId).sort(byChronology));
  }

  async getCounter(ws: WorkspaceId, name: string): Promise<Versioned<string> | undefined> {
    const found = this.store.partitions.get(ws)?.counters.get(name);
    return found ? { record: found.value, version: found.version } : undefined;
  }

  async getDeleted(ws: WorkspaceId, kind: RecordKind, id: Id): Promise<DeletedRecord | undefined> {
    const stored = this.store.partitions.get(ws)?.records.get(recordRef(kind, id));
    return stored ? deleted(stored) : undefined;
  }

  async recycleBin(ws: WorkspaceId, query: { limit: number; cursor?: string }): Promise<Page<DeletedRecord>> {
    checkLimit(query.limit);
    const keyed = [...(this.store.partitions.get(ws)?.records.values() ?? [])]
      .map((s) => [s, deleted(s)] as const)
      .flatMap(([s, d]) => (d ? [[binOrder(d.deletedAt, s.kind, s.record.id), d] as const] : []))
      .sort(byKey);
    return pageAfter(keyed, query.limit, query.cursor);
  }

  async purgeDeleted(ws: WorkspaceId, before: Instant): Promise<number> {
    const partition = this.store.partitions.get(ws);
    if (!partition) return 0;
    let purged = 0;
    for (const [ref, stored] of partition.records) {
      if (!stored.deletion || Date.parse(stored.deletion.deletedAt) >= Date.parse(before)) continue;
      partition.records.delete(ref);
      purged += 1;
      if (stored.kind !== 'opportunity') continue;
      for (const [id, change] of partition.history) {
        if (change.opportunityId === stored.record.id) partition.history.delete(id);
      }
    }
    return purged;
  }

  async purgeRecord(ws: WorkspaceId, kind: RecordKind, id: Id): Promise<boolean> {
    const partition = this.store.partitions.get(ws);
    const ref = recordRef(kind, id);
    const stored = partition?.records.get(ref);
    if (!partition || !stored?.deletion) return false;
    partition.records.delete(ref);
    if (kind === 'opportunity') {
      for (const [changeId, change] of partition.history) {
        if (change.opportunityId === id) partition.history.delete(changeId);
      }
    }
    return true;
  }

  async findIdempotency(ws: WorkspaceId, key: string): Promise<IdempotencyRecord | undefined> {
    const found = this.store.partitions.get(ws)?.idempotency.get(key);
    return found ? copy(found) : undefined;
  }

  async purgeIdempotency(ws: WorkspaceId, before: Instant): Promise<number> {
    const rows = this.store.partitions.get(ws)?.idempotency;
    let purged = 0;
    for (const [key, row] of rows ?? []) {
      if (!(Date.parse(row.createdAt) < Date.parse(before))) continue;
      rows?.delete(key);
      purged += 1;
    }
    return purged;
  }

  async commit(ws: WorkspaceId, changes: ChangeSet): Promise<Result<CommitReceipt>> {
    return applyChangeSet(this.store, ws, changes);
  }

  async readFigures(ws: WorkspaceId, query: FigureQuery): Promise<FigureSet> {
    const figures = this.store.partitions.get(ws)?.figures ?? new Map<string, Map<string, bigint>>();
    const wanted = (row: string): boolean =>
      'rows' in query
        ? query.rows.includes(row)
        : row.startsWith(query.prefix) &&
          (query.from === undefined || row >= query.from) &&
          (query.to === undefined || row <= query.to);
    return new Map(
      [...figures].filter(([row]) => wanted(row)).map(([row, values]) => [row, new Map(values)]),
    );
  }

  async boardColumn(
    ws: WorkspaceId,
    stage: StageId,
    query: BoardColumnQuery,
  ): Promise<Page<Versioned<Opportunity>>> {
    checkLimit(query.limit);
    const keyed = this.live(ws, 'opportunity')
      .filter((s) => (s.record as Opportunity).stage === stage)
      .filter((s) => query.owner === undefined || (s.record as Opportunity).ownerId === query.owner)
      .map((s) => [s.record.id, versioned<'opportunity'>(s)] as const);
    return pageAfter(keyed, query.limit, query.cursor);
  }

  async staleDeals(ws: WorkspaceId, before: Instant, query: DealViewQuery): Promise<Page<Opportunity>> {
    checkLimit(query.limit);
    const keyed = this.live(ws, 'opportunity')
      .map((s) => s.record as Opportunity)
      .filter((deal) => !isClosedStageId(deal.stage) && lastTouch(deal).at < before)
      .map((deal) => [`${lastTouch(deal).at}|${deal.id}`, copy(deal)] as const)
      .sort(byKey);
    return pageAfter(keyed, query.limit, query.cursor);
  }

  async dealsWithoutNextStep(ws: WorkspaceId, query: DealViewQuery): Promise<Page<Opportunity>> {
    checkLimit(query.limit);
    const keyed = this.live(ws, 'opportunity')
      .map((s) => s.record as Opportunity)
      .filter(hasNoNextStep)
      .map((deal) => [deal.id, copy(deal)] as const);
    return pageAfter(keyed, query.limit, query.cursor);
  }

  /** Live records of a kind in id order (the Table RowKey order). */
  private live(ws: WorkspaceId, kind: RecordKind): StoredRecord[] {
    return [...(this.store.partitions.get(ws)?.records.values() ?? [])]
      .filter((s) => s.kind === kind && !s.deletion)
      .sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  }
}

const versioned = <K extends RecordKind>(stored: StoredRecord): Versioned<RecordOf[K]> => ({
  record: copy(stored.record) as RecordOf[K],
  version: stored.version,
});

const deleted = (stored: StoredRecord): DeletedRecord | undefined =>
  stored.deletion
    ? { kind: stored.kind, record: copy(stored.record), version: stored.version, ...stored.deletion }
    : undefined;

function checkFilters(
  kind: RecordKind,
  filters: Readonly<Record<string, string | undefined>> | undefined,
): void {
  const allowed = recordFilterNames(kind);
  for (const [name, value] of Object.entries(filters ?? {})) {
    if (value !== undefined && (!allowed.includes(name) || typeof value !== 'string')) {
      throw new Error(`${kind} cannot be filtered by ${name}`);
    }
  }
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The Table `lst|` rows' order: latest happened first (inverted time), then id. */
const byLatestDone = (a: Activity, b: Activity): number =>
  compareText(happenedAt(b) ?? '', happenedAt(a) ?? '') || compareText(a.id, b.id);
