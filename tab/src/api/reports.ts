import type {
  CampaignReportRow,
  Opportunity,
  ConversionRow,
  ForecastReport,
  PipelineReport,
  SalesCycleReport,
  StaleDeal,
  WinRateReport,
} from '@crm/shared';
import type { ApiClient, ListQuery } from './api-client';

/** The reports' JSON, as `GET .../reports/{name}` answers it. */
export type Reports = {
  pipeline: PipelineReport;
  forecast: ForecastReport;
  conversion: { readonly by: 'source' | 'campaign' | 'owner'; readonly rows: readonly ConversionRow[] };
  campaigns: { readonly rows: readonly CampaignReportRow[] };
  'win-rate': WinRateReport;
  'sales-cycle': SalesCycleReport;
  'stale-deals': {
    readonly staleAfterDays: number;
    readonly deals: readonly StaleDeal[];
    readonly nextCursor?: string;
  };
  'no-next-step': { readonly deals: readonly Opportunity[]; readonly nextCursor?: string };
};
export type ReportName = keyof Reports;

/** A report by name, typed by that name. */
export const fetchReport = <R extends ReportName>(
  api: ApiClient,
  ws: string,
  name: R,
  query?: ListQuery,
): Promise<Reports[R]> => api.report<Reports[R]>(ws, name, query);
