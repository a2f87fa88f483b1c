import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
} from '@fluentui/react-components';
import type { CampaignReportRow } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { ErrorState, LoadingState } from '../app/StateViews';
import { useFormat } from '../i18n/useFormat';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';

export type CampaignResultsProps = {
  readonly workspaceId: string;
  /** Only this campaign's row (its page); all campaigns otherwise. */
  readonly campaignId?: string;
};

const COLUMNS = [
  'name',
  'leads',
  'convertedLeads',
  'opportunities',
  'wonDeals',
  'wonAmount',
  'actualCost',
  'roi',
] as const;

/** What each campaign brought: leads, conversions, deals, won amount (per currency) and ROI. */
export function CampaignResults({ workspaceId, campaignId }: CampaignResultsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const styles = useRecordDetailStyles();
  const report = useQuery({
    queryKey: queryKeys.campaignResults(workspaceId),
    queryFn: () => api.report<{ rows: CampaignReportRow[] }>(workspaceId, 'campaigns'),
  });
  const all = report.data?.rows ?? [];
  const rows = campaignId ? all.filter((r) => r.campaignId === campaignId) : all;
  const cell = (row: CampaignReportRow, column: (typeof COLUMNS)[number]) => {
    switch (column) {
      case 'name':
        return row.name;
      case 'wonAmount': {
        const amounts = Object.entries(row.wonAmount);
        return amounts.length
          ? amounts.map(([currency, amount]) => format.money(amount, currency)).join(' · ')
          : '—';
      }
      case 'actualCost':
        return row.actualCost === null ? '—' : format.money(row.actualCost, row.currency);
      case 'roi':
        return row.roi === null ? '—' : format.percent(row.roi);
      default:
        return format.number(row[column]);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="campaign-results-heading">
      <Title3 as="h3" id="campaign-results-heading">
        {t('campaigns.results.heading')}
      </Title3>
      {report.isPending && <LoadingState />}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && rows.length === 0 && t('campaigns.empty')}
      {rows.length > 0 && (
        <Table aria-label={t('campaigns.results.heading')} size="small">
          <TableHeader>
            <TableRow>
              {COLUMNS.map((column) => (
                <TableHeaderCell key={column}>{t(`campaigns.results.${column}`)}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.campaignId}>
                {COLUMNS.map((column) => (
                  <TableCell key={column}>{cell(row, column)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
