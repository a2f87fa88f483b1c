import type {
  Contact,
  ConvertLeadInput,
  Lead,
  LeadCreateInput,
  MemberRole,
  Opportunity,
  Organisation,
  Workspace,
} from '@crm/shared';
import { ApiError } from './api-error';
import type { ListPage, ListQuery, WithEtag } from './api-types';
import { listQuery as query, opportunitiesApi, type OpportunitiesApi } from './opportunities-api';

export type { ListPage, ListQuery, WithEtag } from './api-types';
export type WorkspaceSummary = Workspace & { readonly role: MemberRole };
export type LeadConversion = {
  readonly lead: WithEtag<Lead>;
  readonly organisation: WithEtag<Organisation>;
  readonly contact: WithEtag<Contact>;
  readonly opportunity?: WithEtag<Opportunity> | null;
};

/** Every call the tab makes. Components get it from context, so tests can hand them a fake. */
export type ApiClient = {
  listWorkspaces(): Promise<readonly WorkspaceSummary[]>;
  createWorkspace(name: string): Promise<WithEtag<WorkspaceSummary>>;
  listLeads(ws: string, query: ListQuery): Promise<ListPage<WithEtag<Lead>>>;
  createLead(ws: string, input: LeadCreateInput): Promise<WithEtag<Lead>>;
  updateLead(ws: string, lead: WithEtag<Lead>, patch: Record<string, unknown>): Promise<WithEtag<Lead>>;
  convertLead(ws: string, id: string, input: Partial<ConvertLeadInput>): Promise<LeadConversion>;
} & OpportunitiesApi;

export type ApiClientOptions = {
  /** A bearer token: Teams SSO or the local dev token. */
  getToken(): Promise<string>;
  fetch?: typeof fetch;
  baseUrl?: string;
  /** Idempotency keys for creates and conversions; one per user action. */
  newKey?: () => string;
};

/** A random Idempotency-Key (randomUUID needs a secure context; getRandomValues does not). */
export const randomKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

type RequestOptions = { body?: unknown; ifMatch?: string; idempotencyKey?: string };

const enc = encodeURIComponent;

/** The problem's code and field paths; anything that is not problem JSON becomes a bare status. */
async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as { code?: unknown; fields?: unknown; requestId?: unknown };
      const code = typeof problem.code === 'string' ? problem.code : 'HTTP.' + response.status;
      const fields = problem.fields && typeof problem.fields === 'object' ? Object.keys(problem.fields) : [];
      const requestId = typeof problem.requestId === 'string' ? problem.requestId : undefined;
      return new ApiError(response.status, code, fields, requestId);
    } catch {
      // fall through: an unreadable body is reported by status alone
    }
  }
  return new ApiError(response.status, 'HTTP.' + response.status);
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = `${options.baseUrl ?? ''}/api/v1`;
  const newKey = options.newKey ?? randomKey;

  async function request<T>(
    method: string,
    path: string,
    { body, ifMatch, idempotencyKey }: RequestOptions = {},
  ) {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${await options.getToken()}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch) headers['If-Match'] = ifMatch;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let response: Response;
    try {
      response = await doFetch(base + path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(0, 'NETWORK.UNAVAILABLE');
    }
    if (!response.ok) throw await toApiError(response);
    const json = (await response.json()) as T;
    const etag = response.headers.get('etag');
    // The body carries `etag` already; the header wins when both are there.
    return (etag && json && typeof json === 'object' ? { ...json, etag } : json) as T;
  }

  return {
    ...opportunitiesApi(request, newKey),
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
