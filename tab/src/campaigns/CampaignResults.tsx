import { Subtitle2 } from '@fluentui/react-components';
import type { CampaignReportRow } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { ErrorState, LoadingState } from '../app/StateViews';
import { useNavigation } from '../app/navigation';
import { textField, type FieldDescriptor } from '../records/field-descriptor';
import { RecordTable } from '../records/RecordTable';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';

export type CampaignResultsProps = {
  readonly workspaceId: string;
  /** Only this campaign's row (its page); all campaigns otherwise. */
  readonly campaignId?: string;
};

type Row = CampaignReportRow & { readonly id: string };

const count = (id: 'leads' | 'convertedLeads' | 'opportunities' | 'wonDeals'): FieldDescriptor<Row> => ({
  id,
  labelKey: `campaigns.results.${id}`,
  size: 'number',
  text: (row, { format }) => format.number(row[id]),
});

const COLUMNS: readonly FieldDescriptor<Row>[] = [
  textField('name', 'campaigns.results.name', (row) => row.name, 'name'),
  count('leads'),
  count('convertedLeads'),
  count('opportunities'),
  count('wonDeals'),
  {
    id: 'wonAmount',
    labelKey: 'campaigns.results.wonAmount',
    size: 'money',
    text: (row, { format }) => {
      const amounts = Object.entries(row.wonAmount);
      return amounts.length
        ? amounts.map(([currency, amount]) => format.money(amount, currency)).join(' · ')
        : '—';
    },
  },
  {
    id: 'actualCost',
    labelKey: 'campaigns.results.actualCost',
    size: 'money',
    text: (row, { format }) => (row.actualCost === null ? '—' : format.money(row.actualCost, row.currency)),
  },
  {
    id: 'roi',
    labelKey: 'campaigns.results.roi',
    size: 'number',
    text: (row, { format }) => (row.roi === null ? '—' : format.percent(row.roi)),
  },
];

/** What each campaign brought: leads, conversions, deals, won amount (per currency) and ROI. */
export function CampaignResults({ workspaceId, campaignId }: CampaignResultsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useRecordDetailStyles();
  const navigation = useNavigation();
  const report = useQuery({
    queryKey: queryKeys.campaignResults(workspaceId),
    queryFn: () => api.report<{ rows: CampaignReportRow[] }>(workspaceId, 'campaigns'),
  });
  const all = report.data?.rows ?? [];
  const rows: Row[] = (campaignId ? all.filter((r) => r.campaignId === campaignId) : all).map((r) => ({
    ...r,
    id: r.campaignId,
  }));
  return (
    <section className={styles.section} aria-labelledby="campaign-results-heading">
      <Subtitle2 as="h3" id="campaign-results-heading">
        {t('campaigns.results.heading')}
      </Subtitle2>
      {report.isPending && <LoadingState />}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <RecordTable
          label={t('campaigns.results.heading')}
          fields={COLUMNS}
          records={rows}
          emptyText={t('campaigns.empty')}
          name={(row) => row.name}
          {...(campaignId ? {} : { href: (row: Row) => navigation.href('campaigns', row.id) })}
          cardFields={['leads', 'roi']}
        />
      )}
    </section>
  );
}
