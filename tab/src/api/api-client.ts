import type {
  Activity,
  Contact,
  ConvertLeadInput,
  DuplicatePolicy,
  DealTotalsByCurrency,
  ImportJob,
  ImportKind,
  ImportPreview,
  ImportTally,
  Lead,
  MappingInput,
  LeadCreateInput,
  MatchReason,
  MatchStrength,
  Member,
  MemberRole,
  Opportunity,
  NextActivity,
  Organisation,
  Regarding,
  StageChange,
  SubscribedChannel,
  Workspace,
} from '@crm/shared';
import { backoffDelay } from '@crm/shared';
import { ApiError } from './api-error';

/** Records as the API shows them: their own fields plus `etag`, the value If-Match wants. */
export type WithEtag<T> = T & { readonly etag: string };
export type ListPage<T> = { readonly items: readonly T[]; readonly nextCursor: string | null };
export type WorkspaceSummary = Workspace & { readonly role: MemberRole };
export type LeadConversion = {
  readonly lead: WithEtag<Lead>;
  readonly organisation: WithEtag<Organisation>;
  readonly contact: WithEtag<Contact>;
  readonly opportunity?: WithEtag<Opportunity> | null;
};
export type ListQuery = Readonly<Record<string, string | undefined>>;
/** A notification the bot gave up on after its attempts (a dead letter of the outbox relay). */
export type UndeliveredNotification = {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly attempts: number;
  readonly lastError?: string;
  readonly deadAt: string;
  readonly targets: readonly { readonly key: string; readonly status: 'pending' | 'sent' | 'gone' }[];
  /** How many of the targets had the post. */
  readonly sent: number;
};
/** The URL segment of a record kind: `/workspaces/{ws}/{plural}`. */
export type RecordPlural =
  'leads' | 'organisations' | 'contacts' | 'opportunities' | 'campaigns' | 'activities';
/** Why a record may be a duplicate (listLeadMatches, findDuplicates). */
export type DuplicateMatch = {
  readonly reason: MatchReason;
  readonly strength: MatchStrength;
  /** same-name-but-suffix: the legal form that differs, as written ("AS"). */
  readonly suffix?: string;
};
/** A record a new lead may duplicate: link it as /{kind}s/{id}. */
export type PossibleDuplicate = {
  readonly kind: 'lead' | 'contact' | 'organisation';
  readonly id: string;
  readonly name: string;
  readonly matches: readonly DuplicateMatch[];
  readonly strength: MatchStrength;
};
export type DuplicateQuery = {
  readonly email?: string;
  readonly company?: string;
  readonly website?: string;
};
/** findDuplicates: each list strong matches first. */
export type Duplicates = {
  readonly leads: readonly ({ readonly lead: WithEtag<Lead> } & WhyMatched)[];
  readonly contacts: readonly ({ readonly contact: WithEtag<Contact> } & WhyMatched)[];
  readonly organisations: readonly ({ readonly organisation: WithEtag<Organisation> } & WhyMatched)[];
};
export type MergeResult<T> = {
  readonly survivor: WithEtag<T>;
  readonly moved: {
    readonly contacts: number;
    readonly opportunities: number;
    readonly activities: number;
    readonly leads: number;
  };
};
export type CreatedLead = WithEtag<Lead> & { readonly possibleDuplicates: readonly PossibleDuplicate[] };
type WhyMatched = { readonly matches: readonly DuplicateMatch[]; readonly strength: MatchStrength };
export type ConversionMatches = {
  /** Strong first; `suggested`: what the dialog selects by default (at most one). */
  readonly organisations: readonly ({
    readonly organisation: WithEtag<Organisation>;
    readonly suggested: boolean;
  } & WhyMatched)[];
  readonly contacts: readonly ({
    readonly contact: WithEtag<Contact>;
    readonly suggested: boolean;
  } & WhyMatched)[];
};
export type DeletedRecord = {
  readonly kind: string;
  readonly record: { readonly id: string } & Record<string, unknown>;
  readonly deletedAt: string;
  readonly deletedBy: string;
};
/** One board column's cards: the deals with their ETags, and the stale ones' days since the last touch. */
export type BoardCards = {
  readonly items: readonly WithEtag<Opportunity>[];
  readonly nextCursor: string | null;
  readonly stale: Readonly<Record<string, number>>;
};
export type BoardColumn = BoardCards & {
  readonly stage: string;
  readonly label?: string;
  /** Every deal of the stage and their totals per currency (not only the cards loaded). */
  readonly count: number;
  readonly totals: DealTotalsByCurrency;
};
export type Board = {
  readonly staleAfterDays: number;
  /** The member whose deals are shown; absent: everyone's. */
  readonly owner?: string;
  /** Every deal in an open stage: how many, and their totals per currency. */
  readonly pipeline: { readonly count: number; readonly totals: DealTotalsByCurrency };
  readonly columns: readonly BoardColumn[];
};

/** A small CSV is imported in the request (its tally); a larger one becomes a job to poll. */
export type ImportAnswer =
  | {
      readonly kind: 'done';
      readonly result: ImportTally & { readonly total: number; readonly ignoredColumns: readonly string[] };
    }
  | { readonly kind: 'job'; readonly job: ImportJob };

/** An uploaded file read as the import would read it (nothing written); kept an hour under `id`. */
/** An Excel workbook: previewed and imported as its first sheet. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A picked file is a workbook by its type, or by its name where the system gave it no type. */
export const isWorkbook = (file: Blob | string): boolean =>
  typeof file !== 'string' &&
  (file.type === XLSX_TYPE || (file.type === '' && 'name' in file && /\.xlsx$/i.test(String(file.name))));

export type PreviewAnswer = ImportPreview & {
  readonly id: string;
  readonly expiresAt: string;
  /** An .xlsx: the sheet read (its first) and how many the workbook has. */
  readonly sheet?: { readonly name: string; readonly count: number };
};

/** The mapping and duplicate choice an import (or a re-checked preview) uses. */
export type ImportChoices = { readonly mapping?: MappingInput; readonly duplicates?: DuplicatePolicy };
/** An activity as the API answers it: with the name of the record it is about (absent once that is deleted). */
export type ActivityView = Activity & { readonly regardingName?: string };
export type MyDaySection = { readonly items: readonly WithEtag<ActivityView>[]; readonly more: boolean };
/** A person's open activities: before today, today and the days after, cut in their time zone. */
export type MyDay = {
  readonly ownerId: string;
  readonly timeZone: string;
  readonly date: string;
  readonly startOfToday: string;
  readonly startOfTomorrow: string;
  readonly end: string;
  readonly overdue: MyDaySection;
  readonly today: MyDaySection;
  readonly upcoming: MyDaySection;
};
export type MyDayQuery = { readonly ownerId?: string; readonly days?: number; readonly tz?: string };
/** What completing an activity offers next: another about the same record, for the same owner. */
export type PlanNext = {
  readonly regarding: Regarding;
  readonly regardingName?: string;
  readonly ownerId: string;
  readonly nextActivity?: NextActivity;
};
export type ActivityDone = { readonly activity: WithEtag<ActivityView>; readonly planNext: PlanNext };
/** The kinds whose records have an owner that can be handed over in bulk. */
export type OwnedPlural = 'leads' | 'organisations' | 'contacts' | 'opportunities';
export type ReassignResult = {
  readonly ownerId: string;
  readonly results: readonly (
    | { readonly id: string; readonly ok: true; readonly etag: string }
    | { readonly id: string; readonly ok: false; readonly code: string; readonly detail: string }
  )[];
};

/** Every call the tab makes. Components get it from context, so tests can hand them a fake. */
export type ApiClient = {
  listWorkspaces(): Promise<readonly WorkspaceSummary[]>;
  createWorkspace(name: string): Promise<WithEtag<WorkspaceSummary>>;
  listLeads(ws: string, query: ListQuery): Promise<ListPage<WithEtag<Lead>>>;
  /** The new lead, with the records it may duplicate (createLead's `possibleDuplicates`). */
  createLead(ws: string, input: LeadCreateInput): Promise<CreatedLead>;
  updateLead(ws: string, lead: WithEtag<Lead>, patch: Record<string, unknown>): Promise<WithEtag<Lead>>;
  convertLead(ws: string, id: string, input: Partial<ConvertLeadInput>): Promise<LeadConversion>;
  /** Any record kind, the same way: list, read, create, change (If-Match), delete, restore. */
  list<T>(ws: string, plural: RecordPlural, query: ListQuery): Promise<ListPage<WithEtag<T>>>;
  get<T>(ws: string, plural: RecordPlural, id: string): Promise<WithEtag<T>>;
  create<T>(ws: string, plural: RecordPlural, input: unknown): Promise<WithEtag<T>>;
  update<T extends { id: string }>(
    ws: string,
    plural: RecordPlural,
    record: WithEtag<T>,
    patch: Record<string, unknown>,
  ): Promise<WithEtag<T>>;
  remove(ws: string, plural: RecordPlural, record: { id: string; etag: string }): Promise<void>;
  restore(ws: string, plural: RecordPlural, id: string): Promise<unknown>;
  conversionMatches(ws: string, leadId: string): Promise<ConversionMatches>;
  /** What a record about to be created may duplicate (findDuplicates): give email, company or website. */
  findDuplicates(ws: string, query: DuplicateQuery): Promise<Duplicates>;
  /**
   * Merges `loser` into `survivor` (two organisations or two contacts, each with the ETag read): the
   * survivor as merged, and how many records now point at it; the loser is in the recycle bin.
   */
  merge<T>(
    ws: string,
    plural: 'organisations' | 'contacts',
    survivor: { readonly id: string; readonly etag: string },
    loser: { readonly id: string; readonly etag: string },
  ): Promise<MergeResult<T>>;
  disqualifyLead(ws: string, lead: WithEtag<Lead>, reason: string): Promise<WithEtag<Lead>>;
  /** A disqualified lead back to working-contacted (its ETag goes as If-Match). */
  reopenLead(ws: string, lead: WithEtag<Lead>): Promise<WithEtag<Lead>>;
  report<T>(ws: string, name: string, query?: ListQuery): Promise<T>;
  /** The pipeline board: per stage its first deals, count and totals (`GET .../board`); of one owner (a user id or `me`) when given. */
  board(ws: string, owner?: string): Promise<Board>;
  /** More deals of one board column, after its `nextCursor`. */
  boardColumn(ws: string, stage: string, cursor: string, owner?: string): Promise<BoardCards>;
  /** An opportunity's stage changes, oldest first. */
  opportunityHistory(ws: string, id: string): Promise<readonly StageChange[]>;
  getWorkspace(ws: string): Promise<WithEtag<WorkspaceSummary>>;
  updateWorkspace(
    ws: string,
    workspace: WithEtag<WorkspaceSummary>,
    patch: Record<string, unknown>,
  ): Promise<WithEtag<WorkspaceSummary>>;
  listMembers(ws: string): Promise<readonly Member[]>;
  addMember(ws: string, member: { userId: string; role: MemberRole; name?: string }): Promise<Member>;
  changeMemberRole(ws: string, userId: string, role: MemberRole): Promise<Member>;
  removeMember(ws: string, userId: string): Promise<void>;
  /** Owners: the channels that hear the workspace's news; taking one off needs its ETag. */
  listChannels(ws: string): Promise<readonly WithEtag<SubscribedChannel>[]>;
  removeChannel(ws: string, channel: { conversationId: string; etag: string }): Promise<void>;
  /** Owners: notifications the bot gave up on (first page, newest first); sending one again. */
  listUndelivered(ws: string): Promise<readonly UndeliveredNotification[]>;
  requeueUndelivered(ws: string, eventId: string): Promise<UndeliveredNotification>;
  recycleBin(ws: string, query: ListQuery): Promise<ListPage<DeletedRecord>>;
  purge(ws: string, plural: RecordPlural, id: string): Promise<void>;
  importLeads(ws: string, csv: Blob | string): Promise<ImportAnswer>;
  importJob(ws: string, id: string): Promise<ImportJob>;
  /** Preview, then import: upload the file once, change the mapping and check again, then import it. */
  previewImport(ws: string, kind: ImportKind, file: Blob | string): Promise<PreviewAnswer>;
  recheckImport(ws: string, previewId: string, choices: ImportChoices): Promise<PreviewAnswer>;
  /** A workbook's first sheet as the CSV the import read from it (record n is sheet row n). */
  workbookSheet(ws: string, workbook: Blob): Promise<Blob>;
  startImport(ws: string, previewId: string, choices: ImportChoices): Promise<ImportAnswer>;
  /** The CSV export as a file to save. */
  exportCsv(ws: string, plural: RecordPlural): Promise<Blob>;
  /** Someone's open activities: overdue, today, upcoming (default: mine, 7 days, UTC). */
  myDay(ws: string, query: MyDayQuery): Promise<MyDay>;
  /** Done now; If-Match from `etag`, so a stale view is refused (412). */
  completeActivity(ws: string, activity: { id: string; etag: string }): Promise<ActivityDone>;
  reopenActivity(ws: string, activity: { id: string; etag: string }): Promise<WithEtag<ActivityView>>;
  rescheduleActivity(
    ws: string,
    activity: { id: string; etag: string },
    dueAt: string,
  ): Promise<WithEtag<ActivityView>>;
  /** A new owner for several records, each guarded by its own ETag; failures come back one by one. */
  reassign(
    ws: string,
    plural: OwnedPlural,
    ownerId: string,
    records: readonly { id: string; etag: string }[],
  ): Promise<ReassignResult>;
};

/** What the client reads of an answer: the browser's `Response` is one, the specs' in-process API another. */
export type ApiResponse = Pick<Response, 'ok' | 'status' | 'json' | 'blob'> & {
  readonly headers: Pick<Headers, 'get'>;
};
/** The part of `fetch` the client uses. */
export type ApiFetch = (url: string, init: RequestInit) => Promise<ApiResponse>;

export type ApiClientOptions = {
  /**
   * A bearer token: Teams SSO or the local dev token. `refresh` after a 401: the token expired or was
   * refused, so a cached one will not do.
   */
  getToken(request?: { readonly refresh?: boolean }): Promise<string>;
  fetch?: ApiFetch;
  baseUrl?: string;
  /** Idempotency keys for creates and conversions; one per user action. */
  newKey?: () => string;
  /** How a busy answer (503, 429) or a lost connection is retried; `sleep`/`random` for tests. */
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

/**
 * Busy answers are retried, never amplified: only requests that are safe to repeat (reads, and writes
 * with an Idempotency-Key, which the server answers once), at most `attempts` tries, waiting what
 * `Retry-After` says or else backoff with jitter; a wait longer than `maxWaitMs` is not waited out.
 */
export type RetryPolicy = {
  readonly attempts: number;
  readonly baseMs: number;
  readonly capMs: number;
  readonly maxWaitMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 500, capMs: 8_000, maxWaitMs: 30_000 };

/** A random Idempotency-Key (randomUUID needs a secure context; getRandomValues does not). */
export const randomKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

type RequestOptions = {
  body?: unknown;
  ifMatch?: string;
  idempotencyKey?: string;
  /** Sent as is with this media type instead of as JSON (CSV uploads). */
  raw?: { type: string; data: Blob | string };
};

const enc = encodeURIComponent;

/** `Retry-After` in seconds (what our server sends), as milliseconds. */
const retryAfterMs = (response: ApiResponse | undefined): number | undefined => {
  const header = response?.headers.get('retry-after');
  const seconds = header ? Number(header) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
};

/** The problem's code and field paths; anything that is not problem JSON becomes a bare status. */
async function toApiError(response: ApiResponse): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as {
        code?: unknown;
        fields?: unknown;
        requestId?: unknown;
        details?: unknown;
        detail?: unknown;
      };
      const code = typeof problem.code === 'string' ? problem.code : 'HTTP.' + response.status;
      const fields = problem.fields && typeof problem.fields === 'object' ? Object.keys(problem.fields) : [];
      const requestId = typeof problem.requestId === 'string' ? problem.requestId : undefined;
      const details =
        problem.details && typeof problem.details === 'object'
          ? (problem.details as Record<string, unknown>)
          : {};
      const reasons =
        problem.fields && typeof problem.fields === 'object'
          ? Object.fromEntries(
              Object.entries(problem.fields).filter((e): e is [string, string] => typeof e[1] === 'string'),
            )
          : {};
      const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
      return new ApiError(response.status, code, fields, requestId, details, {
        reasons,
        ...(detail ? { detail } : {}),
      });
    } catch {
      // fall through: an unreadable body is reported by status alone
    }
  }
  return new ApiError(response.status, 'HTTP.' + response.status);
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch: ApiFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = `${options.baseUrl ?? ''}/api/v1`;
  const newKey = options.newKey ?? randomKey;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;

  async function attempt(
    method: string,
    path: string,
    { body, ifMatch, idempotencyKey, raw }: RequestOptions,
    token: string,
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (raw) headers['Content-Type'] = raw.type;
    if (ifMatch) headers['If-Match'] = ifMatch;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    try {
      return await doFetch(base + path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(raw ? { body: raw.data } : {}),
      });
    } catch {
      throw new ApiError(0, 'NETWORK.UNAVAILABLE');
    }
  }

  /**
   * One try. A 401 is answered before the server does anything, so it is safe to send once more
   * with a fresh token (an SSO token can expire between Teams handing it out and the server
   * checking it); a second 401 stands.
   */
  async function once(method: string, path: string, requestOptions: RequestOptions) {
    const response = await attempt(method, path, requestOptions, await options.getToken());
    if (response.status !== 401) return response;
    return attempt(method, path, requestOptions, await options.getToken({ refresh: true }));
  }

  /** One call: busy answers and lost connections retried as `RetryPolicy` says. */
  async function send(method: string, path: string, requestOptions: RequestOptions) {
    const repeatable = method === 'GET' || requestOptions.idempotencyKey !== undefined;
    for (let tries = 1; ; tries++) {
      let response: ApiResponse | undefined;
      let failure: unknown;
      try {
        response = await once(method, path, requestOptions);
      } catch (error) {
        failure = error;
      }
      const busy = response ? response.status === 503 || response.status === 429 : true;
      if (busy && repeatable && tries < retry.attempts) {
        const wait = retryAfterMs(response) ?? backoffDelay(tries, random(), retry);
        if (wait <= retry.maxWaitMs) {
          await sleep(wait);
          continue;
        }
      }
      if (!response) throw failure;
      if (!response.ok) throw await toApiError(response);
      return response;
    }
  }

  async function request<T>(method: string, path: string, requestOptions: RequestOptions = {}) {
    const response = await send(method, path, requestOptions);
    if (response.status === 204) return undefined as T;
    const json = (await response.json()) as T;
    const etag = response.headers.get('etag');
    // The body carries `etag` already; the header wins when both are there.
    return (etag && json && typeof json === 'object' ? { ...json, etag } : json) as T;
  }

  const query = (params: ListQuery) => {
    const entries = Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]));
    return entries.length ? '?' + new URLSearchParams(entries).toString() : '';
  };

  const wsPath = (ws: string) => `/workspaces/${enc(ws)}`;
  const recordPath = (ws: string, plural: RecordPlural, id?: string) =>
    `${wsPath(ws)}/${plural}${id === undefined ? '' : '/' + enc(id)}`;

  return {
    list: (ws, plural, params) => request('GET', recordPath(ws, plural) + query(params)),
    get: (ws, plural, id) => request('GET', recordPath(ws, plural, id)),
    create: (ws, plural, input) =>
      request('POST', recordPath(ws, plural), { body: input, idempotencyKey: newKey() }),
    update: (ws, plural, record, patch) =>
      request('PATCH', recordPath(ws, plural, record.id), { body: patch, ifMatch: record.etag }),
    remove: (ws, plural, record) =>
      request('DELETE', recordPath(ws, plural, record.id), { ifMatch: record.etag }),
    restore: (ws, plural, id) => request('POST', recordPath(ws, plural, id) + '/restore'),
    conversionMatches: (ws, id) => request('GET', recordPath(ws, 'leads', id) + '/matches'),
    findDuplicates: (ws, params) => request('GET', `${wsPath(ws)}/duplicates${query(params)}`),
    merge: (ws, plural, survivor, loser) =>
      request('POST', `${recordPath(ws, plural)}/merge`, {
        body: {
          survivor: { id: survivor.id, etag: survivor.etag },
          loser: { id: loser.id, etag: loser.etag },
        },
      }),
    disqualifyLead: (ws, lead, reason) =>
      request('POST', recordPath(ws, 'leads', lead.id) + '/disqualify', {
        body: { reason },
        ifMatch: lead.etag,
      }),
    reopenLead: (ws, lead) =>
      request('POST', recordPath(ws, 'leads', lead.id) + '/reopen', { ifMatch: lead.etag }),
    report: (ws, name, params = {}) => request('GET', `${wsPath(ws)}/reports/${enc(name)}${query(params)}`),
    board: (ws, owner) => request('GET', `${wsPath(ws)}/board${query({ owner })}`),
    boardColumn: (ws, stage, cursor, owner) =>
      request('GET', `${wsPath(ws)}/board/${enc(stage)}${query({ cursor, owner })}`),
    opportunityHistory: async (ws, id) =>
      (await request<ListPage<StageChange>>('GET', recordPath(ws, 'opportunities', id) + '/history')).items,
    getWorkspace: (ws) => request('GET', wsPath(ws)),
    updateWorkspace: (ws, workspace, patch) =>
      request('PATCH', wsPath(ws), { body: patch, ifMatch: workspace.etag }),
    listMembers: async (ws) => (await request<ListPage<Member>>('GET', `${wsPath(ws)}/members`)).items,
    addMember: (ws, member) => request('POST', `${wsPath(ws)}/members`, { body: member }),
    changeMemberRole: (ws, userId, role) =>
      request('PATCH', `${wsPath(ws)}/members/${enc(userId)}`, { body: { role } }),
    removeMember: (ws, userId) => request('DELETE', `${wsPath(ws)}/members/${enc(userId)}`),
    listChannels: async (ws) =>
      (await request<ListPage<WithEtag<SubscribedChannel>>>('GET', `${wsPath(ws)}/channels`)).items,
    removeChannel: (ws, channel) =>
      request('DELETE', `${wsPath(ws)}/channels/${enc(channel.conversationId)}`, { ifMatch: channel.etag }),
    listUndelivered: async (ws) =>
      (await request<ListPage<UndeliveredNotification>>('GET', `${wsPath(ws)}/undelivered-notifications`))
        .items,
    requeueUndelivered: (ws, eventId) =>
      request('POST', `${wsPath(ws)}/undelivered-notifications/${enc(eventId)}/requeue`),
    recycleBin: (ws, params) => request('GET', `${wsPath(ws)}/recycle-bin${query(params)}`),
    purge: (ws, plural, id) => request('DELETE', `${wsPath(ws)}/recycle-bin/${plural}/${enc(id)}`),
    importLeads: async (ws, csv) => {
      const response = await send('POST', `${wsPath(ws)}/leads/import`, {
        raw: { type: 'text/csv', data: csv },
      });
      const json = (await response.json()) as never;
      return response.status === 202 ? { kind: 'job', job: json } : { kind: 'done', result: json };
    },
    importJob: (ws, id) => request('GET', `${wsPath(ws)}/imports/${enc(id)}`),
    previewImport: async (ws, kind, file) =>
      (await send('POST', `${wsPath(ws)}/imports/previews${query({ kind })}`, {
        raw: {
          type: isWorkbook(file) ? XLSX_TYPE : 'text/csv',
          data: file,
        },
      }).then((response) => response.json())) as PreviewAnswer,
    workbookSheet: async (ws, workbook) =>
      (
        await send('POST', `${wsPath(ws)}/imports/workbook-sheet`, {
          raw: { type: XLSX_TYPE, data: workbook },
        })
      ).blob(),
    recheckImport: (ws, previewId, choices) =>
      request('POST', `${wsPath(ws)}/imports/previews/${enc(previewId)}`, { body: choices }),
    startImport: async (ws, previewId, choices) => {
      const response = await send('POST', `${wsPath(ws)}/imports`, { body: { previewId, ...choices } });
      const json = (await response.json()) as never;
      return response.status === 202 ? { kind: 'job', job: json } : { kind: 'done', result: json };
    },
    myDay: (ws, params) =>
      request(
        'GET',
        `${wsPath(ws)}/my-day${query({
          ownerId: params.ownerId,
          tz: params.tz,
          days: params.days === undefined ? undefined : String(params.days),
        })}`,
      ),
    completeActivity: (ws, activity) =>
      request('POST', recordPath(ws, 'activities', activity.id) + '/complete', {
        body: {},
        ifMatch: activity.etag,
      }),
    reopenActivity: (ws, activity) =>
      request('POST', recordPath(ws, 'activities', activity.id) + '/reopen', { ifMatch: activity.etag }),
    rescheduleActivity: (ws, activity, dueAt) =>
      request('POST', recordPath(ws, 'activities', activity.id) + '/reschedule', {
        body: { dueAt },
        ifMatch: activity.etag,
      }),
    reassign: (ws, plural, ownerId, records) =>
      request('POST', `${recordPath(ws, plural)}/reassign`, {
        body: { ownerId, items: records.map(({ id, etag }) => ({ id, etag })) },
      }),
    exportCsv: async (ws, plural) => (await send('GET', `${recordPath(ws, plural)}/export`, {})).blob(),
    listWorkspaces: async () => (await request<ListPage<WorkspaceSummary>>('GET', '/workspaces')).items,
    createWorkspace: (name) => request('POST', '/workspaces', { body: { name }, idempotencyKey: newKey() }),
    listLeads: (ws, params) => request('GET', `/workspaces/${enc(ws)}/leads${query(params)}`),
    createLead: (ws, input) =>
      request('POST', `/workspaces/${enc(ws)}/leads`, { body: input, idempotencyKey: newKey() }),
    updateLead: (ws, lead, patch) =>
      request('PATCH', `/workspaces/${enc(ws)}/leads/${enc(lead.id)}`, { body: patch, ifMatch: lead.etag }),
    convertLead: (ws, id, input) =>
      request('POST', `/workspaces/${enc(ws)}/leads/${enc(id)}/convert`, {
        body: input,
        idempotencyKey: newKey(),
      }),
  };
}
