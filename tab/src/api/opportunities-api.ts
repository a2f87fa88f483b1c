import type {
  CampaignReportRow,
  ConversionRow,
  ForecastReport,
  Member,
  Opportunity,
  OpportunityCreateInput,
  Organisation,
  PipelineReport,
  SalesCycleReport,
  StageChange,
  StaleDeal,
  WinRateReport,
  Workspace,
} from '@crm/shared';
import type { ListPage, ListQuery, WithEtag } from './api-types';

/** The transport `createApiClient` hands to each group of calls: token, If-Match, problem → ApiError. */
export type Requester = <T>(
  method: string,
  path: string,
  options?: { body?: unknown; ifMatch?: string; idempotencyKey?: string },
) => Promise<T>;

/** The reports' JSON, as `GET .../reports/{name}` answers it. */
export type Reports = {
  pipeline: PipelineReport;
  forecast: ForecastReport;
  conversion: { readonly by: 'source' | 'campaign' | 'owner'; readonly rows: readonly ConversionRow[] };
  campaigns: { readonly rows: readonly CampaignReportRow[] };
  'win-rate': WinRateReport;
  'sales-cycle': SalesCycleReport;
  'stale-deals': { readonly staleAfterDays: number; readonly deals: readonly StaleDeal[] };
};
export type ReportName = keyof Reports;

/** Opportunities, the board, reports and what their filters list (members, organisations). */
export type OpportunitiesApi = {
  getWorkspace(ws: string): Promise<WithEtag<Workspace>>;
  listMembers(ws: string): Promise<readonly Member[]>;
  listOrganisationsForPicker(ws: string, query: ListQuery): Promise<ListPage<WithEtag<Organisation>>>;
  listOpportunities(ws: string, query: ListQuery): Promise<ListPage<WithEtag<Opportunity>>>;
  getOpportunity(ws: string, id: string): Promise<WithEtag<Opportunity>>;
  createOpportunity(ws: string, input: OpportunityCreateInput): Promise<WithEtag<Opportunity>>;
  updateOpportunity(
    ws: string,
    opportunity: WithEtag<Opportunity>,
    patch: Record<string, unknown>,
  ): Promise<WithEtag<Opportunity>>;
  opportunityHistory(ws: string, id: string): Promise<readonly StageChange[]>;
  report<R extends ReportName>(ws: string, name: R, query?: ListQuery): Promise<Reports[R]>;
};

const enc = encodeURIComponent;

export const listQuery = (params: ListQuery): string => {
  const entries = Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]));
  return entries.length ? '?' + new URLSearchParams(entries).toString() : '';
};

export function opportunitiesApi(request: Requester, newKey: () => string): OpportunitiesApi {
  const ws = (id: string) => `/workspaces/${enc(id)}`;
  return {
    getWorkspace: (id) => request('GET', ws(id)),
    listMembers: async (id) => (await request<ListPage<Member>>('GET', `${ws(id)}/members`)).items,
    listOrganisationsForPicker: (id, params) => request('GET', `${ws(id)}/organisations${listQuery(params)}`),
    listOpportunities: (id, params) => request('GET', `${ws(id)}/opportunities${listQuery(params)}`),
    getOpportunity: (id, opp) => request('GET', `${ws(id)}/opportunities/${enc(opp)}`),
    createOpportunity: (id, input) =>
      request('POST', `${ws(id)}/opportunities`, { body: input, idempotencyKey: newKey() }),
    updateOpportunity: (id, opportunity, patch) =>
      request('PATCH', `${ws(id)}/opportunities/${enc(opportunity.id)}`, {
        body: patch,
        ifMatch: opportunity.etag,
      }),
    opportunityHistory: async (id, opp) =>
      (await request<{ items: StageChange[] }>('GET', `${ws(id)}/opportunities/${enc(opp)}/history`)).items,
    report: (id, name, params = {}) => request('GET', `${ws(id)}/reports/${name}${listQuery(params)}`),
  };
}
