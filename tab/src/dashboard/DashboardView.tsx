import { MessageBar, MessageBarBody, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { DonutChart, VerticalBarChart } from '@fluentui/react-charts';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchReport, type Reports, type ReportName } from '../api/reports';
import { errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { formatPercent, stageName as nameOf } from '../pipeline/pipeline-format';
import { ChartCard } from './ChartCard';
import {
  campaignRoiSeries,
  conversionSeries,
  forecastSeries,
  pipelineSeries,
  axisLayout,
  type Bar,
  type CurrencySeries,
} from './dashboard-series';
import { useDashboardStyles } from './DashboardView.styles';

export type DashboardViewProps = { readonly workspaceId: string };

const CHART_HEIGHT = 240;

type BarChartProps = {
  readonly title: string;
  readonly bars: readonly Bar[];
  /** The series' name, shown in the bars' tooltips. */
  readonly legend: string;
  readonly culture?: string;
};

function BarChart({ title, bars, legend, culture }: BarChartProps) {
  return (
    <VerticalBarChart
      chartTitle={title}
      data={bars.map((bar) => ({ x: bar.x, y: bar.y, legend }))}
      height={CHART_HEIGHT}
      {...(culture ? { culture } : {})}
      {...axisLayout(bars.length)}
      hideLegend
    />
  );
}

type Loaded = { [R in ReportName]?: Reports[R] } & { conversionByCampaign?: Reports['conversion'] };

/** Reports as charts; each chart's numbers are also in a table for screen readers. */
export default function DashboardView({ workspaceId }: DashboardViewProps) {
  const { t, i18n } = useTranslation();
  const styles = useDashboardStyles();
  const api = useApi();
  // Only the stages' names: not the member and organisation lookups the deal views need.
  const workspace = useQuery({
    queryKey: queryKeys.workspace(workspaceId),
    queryFn: () => api.getWorkspace(workspaceId),
  });
  const asks = [
    ['pipeline', 'pipeline', {}],
    ['forecast', 'forecast', {}],
    ['conversion', 'conversion', { by: 'source' }],
    ['conversionByCampaign', 'conversion', { by: 'campaign' }],
    ['campaigns', 'campaigns', {}],
    ['win-rate', 'win-rate', {}],
    ['sales-cycle', 'sales-cycle', {}],
    ['stale-deals', 'stale-deals', {}],
  ] as const;
  const results = useQueries({
    queries: asks.map(([key, name, query]) => ({
      queryKey: queryKeys.report(workspaceId, key),
      queryFn: () => fetchReport(api, workspaceId, name, query),
    })),
  });
  const r = Object.fromEntries(asks.map(([key], i) => [key, results[i]?.data])) as Loaded;
  const error = results.find((q) => q.error)?.error ?? workspace.error;
  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{errorMessage(error, t)}</MessageBarBody>
      </MessageBar>
    );
  if (results.some((q) => q.isPending) || workspace.isPending) return <Spinner label={t('app.loading')} />;

  const stageName = (id: string) => {
    const stage = workspace.data?.settings.stages.find((s) => s.id === id);
    return nameOf(stage ?? id, t);
  };
  const f = { t, language: i18n.language, stageName };
  const campaignNames = new Map((r.campaigns?.rows ?? []).map((c) => [c.campaignId, c.name]));
  const perCurrency = (title: string, series: readonly CurrencySeries[]) =>
    series.map((s) => (
      <BarChart
        key={s.currency}
        title={t('dashboard.inCurrency', { title, currency: s.currency })}
        bars={s.bars}
        legend={s.currency}
        culture={i18n.language}
      />
    ));

  const pipeline = r.pipeline && pipelineSeries(r.pipeline, f);
  const forecast = r.forecast && forecastSeries(r.forecast, f);
  const bySource =
    r.conversion &&
    conversionSeries(r.conversion, (key) => t(`leads.sourceLabel.${key}`, { defaultValue: key ?? '' }), f);
  const byCampaign =
    r.conversionByCampaign &&
    conversionSeries(
      r.conversionByCampaign,
      (key) => (key ? (campaignNames.get(key) ?? key) : t('dashboard.noCampaign')),
      f,
    );
  const roi = r.campaigns && campaignRoiSeries(r.campaigns, f);
  const win = r['win-rate'];
  const cycle = r['sales-cycle'];
  const stale = r['stale-deals'];
  const titles = {
    pipeline: t('dashboard.pipelineByStage'),
    forecast: t('dashboard.forecast'),
    source: t('dashboard.conversionBySource'),
    campaign: t('dashboard.conversionByCampaign'),
    win: t('dashboard.winRate'),
    roi: t('dashboard.campaignRoi'),
    stale: t('dashboard.staleDeals', { days: stale?.staleAfterDays ?? 0 }),
  };

  return (
    <section className={styles.view} aria-labelledby="dashboard-heading">
      <Title2 as="h2" id="dashboard-heading">
        {t('dashboard.heading')}
      </Title2>
      {cycle && cycle.averageDays !== null && (
        <Text>{t('dashboard.salesCycle', { days: cycle.averageDays, count: cycle.wonDeals })}</Text>
      )}
      <div className={styles.grid}>
        {pipeline && (
          <ChartCard id="chart-pipeline" title={titles.pipeline} numbers={pipeline.table}>
            {perCurrency(titles.pipeline, pipeline.series)}
          </ChartCard>
        )}
        {forecast && (
          <ChartCard id="chart-forecast" title={titles.forecast} numbers={forecast.table}>
            {perCurrency(titles.forecast, forecast.series)}
          </ChartCard>
        )}
        {(
          [
            ['chart-source', titles.source, bySource],
            ['chart-campaign', titles.campaign, byCampaign],
          ] as const
        ).map(
          ([id, title, conversion]) =>
            conversion && (
              <ChartCard key={id} id={id} title={title} numbers={conversion.table}>
                <BarChart title={title} bars={conversion.bars} legend={t('dashboard.col.rate')} />
              </ChartCard>
            ),
        )}
        {win && (
          <ChartCard
            id="chart-win"
            title={titles.win}
            numbers={{
              columns: [t('dashboard.won'), t('dashboard.lost'), t('dashboard.winRate')],
              rows:
                win.winRate === null
                  ? []
                  : [[String(win.won), String(win.lost), formatPercent(win.winRate, i18n.language)]],
            }}
          >
            {win.winRate !== null && (
              <>
                <Text>
                  {t('dashboard.winRateValue', {
                    rate: formatPercent(win.winRate, i18n.language),
                    won: win.won,
                    lost: win.lost,
                  })}
                </Text>
                <DonutChart
                  data={{
                    chartTitle: titles.win,
                    chartData: [
                      // Without colours of its own the donut draws both halves black.
                      {
                        legend: t('dashboard.won'),
                        data: win.won,
                        color: tokens.colorPaletteGreenBackground3,
                      },
                      {
                        legend: t('dashboard.lost'),
                        data: win.lost,
                        color: tokens.colorPaletteRedBackground3,
                      },
                    ],
                  }}
                  innerRadius={50}
                  height={CHART_HEIGHT}
                  valueInsideDonut={formatPercent(win.winRate, i18n.language)}
                />
              </>
            )}
          </ChartCard>
        )}
        {roi && (
          <ChartCard id="chart-roi" title={titles.roi} numbers={roi.table}>
            {roi.bars.length > 0 && (
              <BarChart title={titles.roi} bars={roi.bars} legend={t('dashboard.col.roi')} />
            )}
          </ChartCard>
        )}
        {stale && (
          <ChartCard
            id="chart-stale"
            title={titles.stale}
            tableVisible
            numbers={{
              columns: [t('dashboard.col.deal'), t('dashboard.col.days')],
              rows: stale.deals.map((d) => [d.opportunity.name, String(d.daysInactive)]),
            }}
          />
        )}
      </div>
    </section>
  );
}
