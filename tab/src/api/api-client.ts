import type {
  Contact,
  ConvertLeadInput,
  ImportJob,
  ImportTally,
  Lead,
  LeadCreateInput,
  MatchReason,
  MatchStrength,
  Member,
  MemberRole,
  Opportunity,
  Organisation,
  StageChange,
  SubscribedChannel,
  Workspace,
} from '@crm/shared';
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
/** A small CSV is imported in the request (its tally); a larger one becomes a job to poll. */
export type ImportAnswer =
  | { readonly kind: 'done'; readonly result: ImportTally & { readonly total: number } }
  | { readonly kind: 'job'; readonly job: ImportJob };

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
  recycleBin(ws: string, query: ListQuery): Promise<ListPage<DeletedRecord>>;
  purge(ws: string, plural: RecordPlural, id: string): Promise<void>;
  importLeads(ws: string, csv: Blob | string): Promise<ImportAnswer>;
  importJob(ws: string, id: string): Promise<ImportJob>;
  /** The CSV export as a file to save. */
  exportCsv(ws: string, plural: RecordPlural): Promise<Blob>;
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
};

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
   * One call. A 401 is answered before the server does anything, so it is safe to send once more
   * with a fresh token (an SSO token can expire between Teams handing it out and the server
   * checking it); a second 401 stands.
   */
  async function send(method: string, path: string, requestOptions: RequestOptions) {
    let response = await attempt(method, path, requestOptions, await options.getToken());
    if (response.status === 401) {
      response = await attempt(method, path, requestOptions, await options.getToken({ refresh: true }));
    }
    if (!response.ok) throw await toApiError(response);
    return response;
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
