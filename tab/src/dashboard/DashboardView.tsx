import { Subtitle2, Text, Title2 } from '@fluentui/react-components';
import type { StaleDeal } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import { ErrorState, LoadingState } from '../app/StateViews';
import { useFormat } from '../i18n/useFormat';
import { stageName as nameOf } from '../pipeline/pipeline-format';
import type { FieldDescriptor } from '../records/field-descriptor';
import { ToolbarSelect } from '../records/FilterSelect';
import { RecordTable } from '../records/RecordTable';
import { useRecordListStyles } from '../records/RecordListView.styles';
import { BarList } from './BarList';
import { ChartCard } from './ChartCard';
import { useChartStyles } from './charts.styles';
import { ColumnChart } from './ColumnChart';
import { DASHBOARD_PERIODS, parsePeriod, periodRange } from './dashboard-period';
import { campaignRoiSeries, conversionSeries, forecastSeries, pipelineSeries } from './dashboard-series';
import { useDashboardStyles } from './DashboardView.styles';
import { headlineFigures } from './headline-figures';
import { HeadlineTiles } from './HeadlineTiles';
import { useDashboardData, type DashboardReports } from './useDashboardData';

export type DashboardViewProps = { readonly workspaceId: string };

type StaleRow = StaleDeal & { readonly id: string };

const STALE_COLUMNS: readonly FieldDescriptor<StaleRow>[] = [
  { id: 'deal', labelKey: 'dashboard.col.deal', size: 'name', text: (row) => row.opportunity.name },
  {
    id: 'days',
    labelKey: 'dashboard.col.idleDays',
    size: 'number',
    text: (row, { format }) => format.number(row.daysInactive),
  },
];

/**
 * The dashboard: headline figures first (pipeline, won, win rate, sales cycle, leads), then the
 * charts, each with its numbers in a table for screen readers, for the period chosen (kept in the
 * address, `?period=quarter`). What it reads comes from `useDashboardData`; this only shows it.
 */
export default function DashboardView({ workspaceId }: DashboardViewProps) {
  const { t } = useTranslation();
  const styles = useDashboardStyles();
  const list = useRecordListStyles();
  const navigation = useNavigation();
  const period = parsePeriod(navigation.query.period);
  const range = useMemo(() => periodRange(period, new Date()), [period]);
  const data = useDashboardData(workspaceId, range);
  const api = useApi();
  // Only the stages' names: not the member and organisation lookups the deal views need.
  const workspace = useQuery({
    queryKey: queryKeys.workspace(workspaceId),
    queryFn: () => api.getWorkspace(workspaceId),
  });
  const periodName = t(`dashboard.period.${period}`);

  return (
    <section className={styles.view} aria-labelledby="dashboard-heading">
      <div className={list.heading}>
        <Title2 as="h2" id="dashboard-heading" className={list.titleText}>
          {t('dashboard.heading')}
        </Title2>
        <ToolbarSelect
          label={t('dashboard.periodLabel')}
          value={period === 'month' ? '' : period}
          allLabel={t('dashboard.period.month')}
          options={DASHBOARD_PERIODS.filter((p) => p !== 'month').map((p) => ({
            id: p,
            label: t(`dashboard.period.${p}`),
          }))}
          onChange={(value) => navigation.setQuery(value ? { period: value } : {})}
        />
      </div>
      {data.state === 'failed' ? (
        <ErrorState error={data.error} onRetry={data.retry} />
      ) : data.state === 'pending' || workspace.isPending ? (
        <LoadingState />
      ) : (
        <Figures
          reports={data.reports}
          periodName={periodName}
          stageName={(id) => nameOf(workspace.data?.settings.stages.find((s) => s.id === id) ?? id, t)}
        />
      )}
    </section>
  );
}

type FiguresProps = {
  readonly reports: DashboardReports;
  readonly periodName: string;
  readonly stageName: (id: string) => string;
};

function Figures({ reports: r, periodName, stageName }: FiguresProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const styles = useDashboardStyles();
  const chart = useChartStyles();
  const f = { t, format, language: i18n.language, stageName };
  const campaignNames = new Map(r.campaigns.rows.map((c) => [c.campaignId, c.name]));
  const pipeline = pipelineSeries(r.pipeline, f);
  const forecast = forecastSeries(r.forecast, f);
  const bySource = conversionSeries(
    r.conversionBySource,
    (key) => t(`leads.sourceLabel.${key}`, { defaultValue: key ?? '' }),
    f,
  );
  const byCampaign = conversionSeries(
    r.conversionByCampaign,
    (key) => (key ? (campaignNames.get(key) ?? key) : t('dashboard.noCampaign')),
    f,
  );
  const roi = campaignRoiSeries(r.campaigns, f);
  const stale: StaleRow[] = r.staleDeals.deals.map((d) => ({ ...d, id: d.opportunity.id }));
  const inCurrency = (currency: string, several: boolean) =>
    several ? (
      <Text size={200} className={styles.note}>
        {currency}
      </Text>
    ) : null;

  return (
    <>
      <HeadlineTiles
        figures={headlineFigures({
          pipeline: r.pipeline,
          winRate: r.winRate,
          salesCycle: r.salesCycle,
          conversion: r.conversionBySource,
        })}
        period={periodName}
      />
      <div className={styles.grid}>
        <ChartCard id="chart-pipeline" title={t('dashboard.pipelineByStage')} numbers={pipeline.table}>
          <div className={chart.legend} aria-hidden>
            <span>
              <span className={`${chart.swatch} ${chart.swatchOuter}`} />
              {t('dashboard.col.amount')}
            </span>
            <span>
              <span className={`${chart.swatch} ${chart.swatchInner}`} />
              {t('dashboard.col.weighted')}
            </span>
          </div>
          {pipeline.series.map((s) => (
            <div key={s.currency} className={styles.series}>
              {inCurrency(s.currency, pipeline.series.length > 1)}
              <BarList rows={s.items} />
            </div>
          ))}
        </ChartCard>
        <ChartCard id="chart-forecast" title={t('dashboard.forecast')} numbers={forecast.table}>
          {forecast.series.map((s) => (
            <div key={s.currency} className={styles.series}>
              {inCurrency(s.currency, forecast.series.length > 1)}
              <ColumnChart columns={s.items} />
            </div>
          ))}
        </ChartCard>
        {(
          [
            ['chart-source', t('dashboard.conversionBySource'), bySource],
            ['chart-campaign', t('dashboard.conversionByCampaign'), byCampaign],
          ] as const
        ).map(([id, title, conversion]) => (
          <ChartCard
            key={id}
            id={id}
            title={title}
            note={t('dashboard.period.all')}
            numbers={conversion.table}
          >
            <BarList rows={conversion.bars} />
          </ChartCard>
        ))}
        <ChartCard id="chart-roi" title={t('dashboard.campaignRoi')} numbers={roi.table}>
          {roi.bars.length > 0 ? (
            <BarList rows={roi.bars} />
          ) : (
            <Text className={styles.note}>{t('dashboard.noRoi')}</Text>
          )}
        </ChartCard>
        <section className={styles.card} aria-labelledby="chart-stale">
          <div className={styles.cardHeading}>
            <Subtitle2 as="h3" id="chart-stale">
              {t('dashboard.staleDeals', { days: r.staleDeals.staleAfterDays })}
            </Subtitle2>
          </div>
          <RecordTable
            label={t('dashboard.staleDeals', { days: r.staleDeals.staleAfterDays })}
            fields={STALE_COLUMNS}
            records={stale}
            emptyText={t('dashboard.noStale')}
            name={(row) => row.opportunity.name}
            cardFields={['days']}
          />
        </section>
      </div>
    </>
  );
}
