import type { Result } from '../common/result';
import type { Id, Instant, TenantId, UserId, WorkspaceId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { Opportunity, StageChange } from '../opportunity/opportunity';
import type { StageId } from '../opportunity/stage';
import type { FigureSet } from '../reports/figures';
import type { Member, Workspace } from '../workspace/workspace';
import type { Regarding } from '../activity/activity';
import type { ImportJob } from '../imports/import-job';
import type { Delivery } from './relay/relay-ports';
import type { ChangeSet, IdempotencyRecord } from '../records/change-set';
import type { AnyRecord, RecordFilter, RecordKind, RecordOf } from '../records/records';
import type { ListSort } from '../records/record-sort';
import type { Page, Version, Versioned } from '../records/versions';

export type ListQuery<K extends RecordKind> = {
  /** 1–1000. */
  readonly limit: number;
  readonly cursor?: string;
  /** Prefix search over the kind's search tokens (common/search-tokens.ts, records/record-search.ts). */
  readonly q?: string;
  readonly filters?: Partial<Record<RecordFilter<K>, string>>;
  /** A server-side sort (record-sort.ts): such a query goes to `listSorted`, never to `list`. */
  readonly sort?: ListSort;
};

/** A sorted list: filters, no search; at most `cap` (default SORT_CAP) matching records are ordered. */
export type SortedListQuery<K extends RecordKind> = Omit<ListQuery<K>, 'q' | 'sort'> & {
  readonly sort: ListSort;
  readonly cap?: number;
};

/** Activity lists also select by what they are about (the lead's activities follow it on conversion). */
export type ActivityQuery = ListQuery<'activity'> & { readonly regarding?: readonly Regarding[] };

/** One owner's open activities in due order, due from `from` (inclusive) to `to` (exclusive). */
export type DueQuery = {
  readonly ownerId: UserId;
  readonly from?: Instant;
  readonly to?: Instant;
  /** 1–1000. */
  readonly limit: number;
  readonly cursor?: string;
};

/** New versions of the records written, keyed `${kind}:${id}`. */
export type CommitReceipt = { readonly versions: Readonly<Record<string, Version>> };

export type DeletedRecord = {
  readonly kind: RecordKind;
  readonly record: AnyRecord;
  readonly version: Version;
  readonly deletedAt: Instant;
  readonly deletedBy: UserId;
};

/**
 * Which figure rows to read (reports/figure-contributions.ts names them): some by name, or the rows
 * whose name starts with `prefix`, optionally from `from` up to `to` (both names, inclusive).
 */
export type FigureQuery =
  | { readonly rows: readonly string[] }
  | { readonly prefix: string; readonly from?: string; readonly to?: string };

/** A page of one deal view: at most `limit` (1–1000), after `cursor`. */
export type DealViewQuery = { readonly limit: number; readonly cursor?: string };
/** A board column's page, of one owner's deals when `owner` is given. */
export type BoardColumnQuery = DealViewQuery & { readonly owner?: UserId };

/** Records of every kind in one workspace. Reads never return soft-deleted records. */
export interface RecordRepository {
  get<K extends RecordKind>(ws: WorkspaceId, kind: K, id: Id): Promise<Versioned<RecordOf[K]> | undefined>;
  getMany<K extends RecordKind>(
    ws: WorkspaceId,
    kind: K,
    ids: readonly Id[],
  ): Promise<Versioned<RecordOf[K]>[]>;
  list<K extends RecordKind>(
    ws: WorkspaceId,
    kind: K,
    query: ListQuery<K>,
  ): Promise<Page<Versioned<RecordOf[K]>>>;
  /**
   * One page in `query.sort`'s order (record-sort.ts): the matching records' sort columns are read
   * and ordered, their page read by id. More than the cap matching is LIST.TOO_MANY_TO_SORT.
   */
  listSorted<K extends RecordKind>(
    ws: WorkspaceId,
    kind: K,
    query: SortedListQuery<K>,
  ): Promise<Result<Page<Versioned<RecordOf[K]>>>>;
  /** Every live record of a kind, page by page (reports, exports). */
  scan<K extends RecordKind>(ws: WorkspaceId, kind: K): AsyncIterable<Versioned<RecordOf[K]>>;
  /** Live leads or contacts with this email, compared case-insensitively (duplicate detection, import). */
  findByEmail<K extends 'lead' | 'contact'>(
    ws: WorkspaceId,
    kind: K,
    email: string,
  ): Promise<Versioned<RecordOf[K]>[]>;
  /**
   * Every live lead's or contact's normalised email with its record id, from the email index in
   * email order (a key range, not a scan of records): duplicate detection for a whole import.
   */
  listEmails(ws: WorkspaceId, kind: 'lead' | 'contact'): AsyncIterable<EmailEntry>;
  listActivities(ws: WorkspaceId, query: ActivityQuery): Promise<Page<Versioned<RecordOf['activity']>>>;
  /** Open activities of one owner, earliest due first (a key range: My day). */
  listDue(ws: WorkspaceId, query: DueQuery): Promise<Page<Versioned<RecordOf['activity']>>>;
  /**
   * At most `limit` activities about one lead or opportunity (SUMMARY_KINDS): the open ones earliest
   * due first, or the done ones latest first (a key range: what a summary is recomputed from).
   */
  activitiesAbout(
    ws: WorkspaceId,
    about: Regarding,
    state: 'open' | 'done',
    limit: number,
  ): Promise<Versioned<RecordOf['activity']>[]>;
  stageHistory(ws: WorkspaceId, opportunityId: Id): Promise<StageChange[]>;
  /** A named counter (a `counter` write), with the version a write that moves it must name. */
  getCounter(ws: WorkspaceId, name: string): Promise<Versioned<string> | undefined>;
  getDeleted(ws: WorkspaceId, kind: RecordKind, id: Id): Promise<DeletedRecord | undefined>;
  recycleBin(ws: WorkspaceId, query: { limit: number; cursor?: string }): Promise<Page<DeletedRecord>>;
  /**
   * Removes one record from the recycle bin for good (and an opportunity's stage history). False
   * when it is not in the bin (live, already purged, or restored meanwhile).
   */
  purgeRecord(ws: WorkspaceId, kind: RecordKind, id: Id): Promise<boolean>;
  /** Removes records deleted before `before` for good. Returns how many. */
  purgeDeleted(ws: WorkspaceId, before: Instant): Promise<number>;
  findIdempotency(ws: WorkspaceId, key: string): Promise<IdempotencyRecord | undefined>;
  /** Housekeeping: forgets idempotency rows created before `before`. Returns how many. */
  purgeIdempotency(ws: WorkspaceId, before: Instant): Promise<number>;
  /**
   * The workspace's maintained figures (reports/figures.ts), which every commit keeps equal to a
   * recount of the live records. Rows never written read as absent (all zeros).
   */
  readFigures(ws: WorkspaceId, query: FigureQuery): Promise<FigureSet>;
  /**
   * One board column: the deals in `stage`, newest first (a key range, whatever the workspace's
   * size); of one owner when `query.owner` is given.
   */
  boardColumn(
    ws: WorkspaceId,
    stage: StageId,
    query: BoardColumnQuery,
  ): Promise<Page<Versioned<Opportunity>>>;
  /** Open deals last touched (deal-touch.ts) before `before`, the longest untouched first. */
  staleDeals(ws: WorkspaceId, before: Instant, query: DealViewQuery): Promise<Page<Opportunity>>;
  /** Open deals without a next activity, newest first. */
  dealsWithoutNextStep(ws: WorkspaceId, query: DealViewQuery): Promise<Page<Opportunity>>;
  /**
   * Atomic: one entity-group transaction in the workspace's partition. A stale `expected` version
   * (or an insert of an id that exists, or an idempotency key already recorded) fails the whole
   * set with CONCURRENCY.STALE and writes nothing.
   */
  commit(ws: WorkspaceId, changes: ChangeSet): Promise<Result<CommitReceipt>>;
}

export type Membership = { readonly workspace: Workspace; readonly role: Member['role'] };

export interface WorkspaceRepository {
  /** Creates the workspace with its first owner; a team already bound fails WORKSPACE.TEAM_ALREADY_BOUND. */
  create(workspace: Workspace, owner: Member): Promise<Result<Versioned<Workspace>>>;
  get(id: WorkspaceId): Promise<Versioned<Workspace> | undefined>;
  update(workspace: Workspace, expected: Version): Promise<Result<Versioned<Workspace>>>;
  findByTeam(tenantId: TenantId, teamId: string): Promise<Workspace | undefined>;
  listForUser(tenantId: TenantId, userId: UserId): Promise<Membership[]>;
  /** Every workspace. */
  listAll(): AsyncIterable<Workspace>;
  /**
   * Every workspace whose morning digest is on (`settings.morningDigest.enabled`), read from an index
   * that `update` keeps; each is checked against the workspace itself.
   */
  listWithMorningDigest(): AsyncIterable<Workspace>;
  getMember(id: WorkspaceId, userId: UserId): Promise<Member | undefined>;
  /**
   * The workspace with the user's member row (absent when not a member): what one access check
   * reads. Storage may answer the member from a cache keyed by the workspace's version, which every
   * member change rewrites, so a change is seen at once.
   */
  getWithMember(
    id: WorkspaceId,
    userId: UserId,
  ): Promise<{ readonly workspace: Versioned<Workspace>; readonly member?: Member } | undefined>;
  listMembers(id: WorkspaceId): Promise<Member[]>;
  /**
   * Adds, changes or removes members in one atomic step guarded by the workspace's version, so two
   * owners cannot both remove each other. `remove` holds user ids.
   */
  changeMembers(
    id: WorkspaceId,
    change: { readonly upsert?: readonly Member[]; readonly remove?: readonly UserId[] },
    expected: Version,
  ): Promise<Result<Version>>;
}

export type OutboxEntry = {
  readonly event: DomainEvent;
  readonly attempts: number;
  readonly lastError?: string;
};

/**
 * A pending event as the relay reads it: with its per-target delivery state, its version, and its
 * place in the outbox (opaque; `pending` continues after it).
 */
export type PendingEvent = OutboxEntry & {
  readonly delivery?: Delivery;
  readonly version: Version;
  readonly position: string;
};

/** An event the relay gave up on after its attempts: kept for the workspace's owners to send again. */
export type DeadLetter = {
  readonly event: DomainEvent;
  readonly attempts: number;
  readonly lastError?: string;
  readonly deadAt: Instant;
  /** Where delivery stood: targets that had the post keep it when the event is sent again. */
  readonly delivery?: Delivery;
};

/** Events written by `commit`, waiting for the bot to deliver them. */
export interface OutboxRepository {
  /**
   * Up to `limit` pending events, oldest first (by occurredAt, then id), after `after` (a position
   * an earlier page gave): a pass pages through the outbox once instead of re-reading it.
   */
  pending(ws: WorkspaceId, limit: number, after?: string): Promise<PendingEvent[]>;
  /**
   * Records where delivery stands (and the attempts/last error it sums up), guarded by the version
   * read: another relay's write in between fails it with CONCURRENCY.STALE.
   */
  saveDelivery(
    ws: WorkspaceId,
    entry: Pick<PendingEvent, 'event' | 'position'>,
    delivery: Delivery,
    expected: Version,
  ): Promise<Result<Version>>;
  markDelivered(ws: WorkspaceId, entry: Pick<PendingEvent, 'position'>): Promise<void>;
  /**
   * Moves the event out of the outbox into the workspace's dead letters, in one transaction; false
   * when it is no longer there as read (another relay moved on).
   */
  deadLetter(
    ws: WorkspaceId,
    entry: PendingEvent,
    delivery: Delivery | undefined,
    at: Instant,
  ): Promise<boolean>;
  /** The workspace's dead letters, newest event first. */
  deadLetters(
    ws: WorkspaceId,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<Page<DeadLetter>>;
  /**
   * Puts a dead letter back in the outbox at its old place (targets that had the post keep it), in one
   * transaction. NOTIFICATION.NOT_FOUND when there is no such dead letter.
   */
  requeue(ws: WorkspaceId, eventId: Id): Promise<Result<DeadLetter>>;
}

export type Clock = { now(): Instant };
export type IdGenerator = { newId(): Id };

export type EmailEntry = { readonly email: string; readonly id: Id };

/** Background lead imports, kept in their workspace; only that workspace reads them. */
export interface ImportJobRepository {
  create(job: ImportJob): Promise<Version>;
  get(ws: WorkspaceId, id: Id): Promise<Versioned<ImportJob> | undefined>;
  /** Guarded by the version read, so two workers cannot both drive one job (CONCURRENCY.STALE). */
  update(job: ImportJob, expected: Version): Promise<Result<Version>>;
  /** Jobs still queued or running (resumed when the server starts). */
  listUnfinished(ws: WorkspaceId): Promise<ImportJob[]>;
  /** Deletes completed and failed jobs that finished before `finishedBefore`; returns how many. */
  purgeFinished(ws: WorkspaceId, finishedBefore: Instant): Promise<number>;
}
