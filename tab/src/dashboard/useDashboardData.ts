import { useQueries } from '@tanstack/react-query';
import type { ListQuery } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { fetchReport, type ReportName, type Reports } from '../api/reports';
import type { PeriodRange } from './dashboard-period';

/** Every report the dashboard shows, once loaded. */
export type DashboardReports = {
  readonly pipeline: Reports['pipeline'];
  readonly forecast: Reports['forecast'];
  readonly conversionBySource: Reports['conversion'];
  readonly conversionByCampaign: Reports['conversion'];
  readonly campaigns: Reports['campaigns'];
  readonly winRate: Reports['win-rate'];
  readonly salesCycle: Reports['sales-cycle'];
  readonly staleDeals: Reports['stale-deals'];
};

export type DashboardData =
  | { readonly state: 'pending' }
  | { readonly state: 'failed'; readonly error: unknown; readonly retry: () => void }
  | { readonly state: 'ready'; readonly reports: DashboardReports };

type Ask = readonly [key: keyof DashboardReports, name: ReportName, query: ListQuery, periodic: boolean];

/**
 * What the dashboard reads, apart from how it shows it: one request per report, those that count
 * over time (won, win rate, sales cycle) for the period asked. The view depends only on
 * `DashboardData`, so where the figures come from can change without touching it.
 */
export function useDashboardData(workspaceId: string, period: PeriodRange): DashboardData {
  const api = useApi();
  const range: ListQuery = {
    ...(period.from ? { from: period.from } : {}),
    ...(period.to ? { to: period.to } : {}),
  };
  const asks: readonly Ask[] = [
    ['pipeline', 'pipeline', {}, false],
    ['forecast', 'forecast', {}, false],
    // Conversion counts every lead (the maintained figures have no period by creation day).
    ['conversionBySource', 'conversion', { by: 'source' }, false],
    ['conversionByCampaign', 'conversion', { by: 'campaign' }, false],
    ['campaigns', 'campaigns', {}, false],
    ['winRate', 'win-rate', range, true],
    ['salesCycle', 'sales-cycle', range, true],
    ['staleDeals', 'stale-deals', {}, false],
  ];
  const periodKey = `${period.from ?? ''}..${period.to ?? ''}`;
  const results = useQueries({
    queries: asks.map(([key, name, query, periodic]) => ({
      queryKey: queryKeys.report(workspaceId, periodic ? `${key}@${periodKey}` : key),
      queryFn: () => fetchReport(api, workspaceId, name, query),
      placeholderData: (previous: unknown) => previous,
    })),
  });
  const failed = results.find((r) => r.error);
  if (failed)
    return {
      state: 'failed',
      error: failed.error,
      retry: () => results.forEach((r) => r.error && void r.refetch()),
    };
  if (results.some((r) => r.data === undefined)) return { state: 'pending' };
  return {
    state: 'ready',
    reports: Object.fromEntries(asks.map(([key], i) => [key, results[i]?.data])) as DashboardReports,
  };
}
