import type { TFunction } from 'i18next';
import type { Reports } from '../api/reports';
import { formatMoney, formatPercent } from '../pipeline/pipeline-format';

/** One bar: its label and value. */
export type Bar = { readonly x: string; readonly y: number };

/** Up to this many bars, every bar keeps its x label. */
export const MAX_LABELLED_BARS = 12;

/**
 * How a bar chart lays out its axes' labels. By default the chart hides an x label that would overlap
 * its neighbour, which drops every other month or campaign name; wrapped to the bar's width, they all
 * fit (past MAX_LABELLED_BARS the chart may thin them out again). And it leaves a fixed margin for
 * the y labels, which cuts the first digit off "52.88k"; measured, the margin fits the longest one.
 */
export const axisLayout = (bars: number) => ({
  wrapXAxisLables: true,
  hideTickOverlap: bars > MAX_LABELLED_BARS,
  showYAxisLables: true,
});

/** A chart per currency: amounts in different currencies are never on one axis, nor added. */
export type CurrencySeries = { readonly currency: string; readonly bars: readonly Bar[] };

type Format = {
  readonly t: TFunction;
  readonly language: string;
  readonly stageName: (id: string) => string;
};

const currenciesOf = (maps: readonly Readonly<Record<string, unknown>>[]): string[] =>
  [...new Set(maps.flatMap((m) => Object.keys(m)))].sort();

export function pipelineSeries(report: Reports['pipeline'], f: Format) {
  const series: CurrencySeries[] = currenciesOf([report.totals]).map((currency) => ({
    currency,
    bars: report.stages.map((s) => ({ x: f.stageName(s.stage), y: s.byCurrency[currency]?.amount ?? 0 })),
  }));
  const rows = report.stages.flatMap((s) =>
    Object.entries(s.byCurrency).map(([currency, total]) => [
      f.stageName(s.stage),
      currency,
      String(total.count),
      formatMoney(total.amount, currency, f.language),
      formatMoney(total.weightedAmount, currency, f.language),
    ]),
  );
  const columns = ['stage', 'currency', 'count', 'amount', 'weighted'].map((c) => f.t(`dashboard.col.${c}`));
  return { series, table: { columns, rows } };
}

export function forecastSeries(report: Reports['forecast'], f: Format) {
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(f.language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  const series: CurrencySeries[] = currenciesOf(report.months.map((m) => m.byCurrency)).map((currency) => ({
    currency,
    bars: report.months.map((m) => ({ x: monthName(m.month), y: m.byCurrency[currency]?.amount ?? 0 })),
  }));
  const rows = report.months.flatMap((m) =>
    Object.entries(m.byCurrency).map(([currency, total]) => [
      monthName(m.month),
      currency,
      String(total.count),
      formatMoney(total.amount, currency, f.language),
      formatMoney(total.weightedAmount, currency, f.language),
    ]),
  );
  const columns = ['month', 'currency', 'count', 'amount', 'weighted'].map((c) => f.t(`dashboard.col.${c}`));
  return { series, table: { columns, rows } };
}

export function conversionSeries(
  report: Reports['conversion'],
  keyName: (key: string | null) => string,
  f: Format,
) {
  const bars: Bar[] = report.rows.map((r) => ({
    x: keyName(r.key),
    y: Math.round(r.conversionRate * 1000) / 10,
  }));
  const rows = report.rows.map((r) => [
    keyName(r.key),
    String(r.leads),
    String(r.converted),
    formatPercent(r.conversionRate, f.language),
  ]);
  const key = report.by === 'campaign' ? 'campaign' : 'source';
  const columns = [key, 'leads', 'converted', 'rate'].map((c) => f.t(`dashboard.col.${c}`));
  return { bars, table: { columns, rows } };
}

export function campaignRoiSeries(report: Reports['campaigns'], f: Format) {
  const bars: Bar[] = report.rows.flatMap((r) =>
    r.roi === null ? [] : [{ x: r.name, y: Math.round(r.roi * 1000) / 10 }],
  );
  const rows = report.rows.map((r) => [
    r.name,
    formatMoney(r.wonAmount[r.currency] ?? 0, r.currency, f.language),
    r.actualCost === null ? '–' : formatMoney(r.actualCost, r.currency, f.language),
    r.roi === null ? '–' : formatPercent(r.roi, f.language),
  ]);
  const columns = ['campaign', 'wonAmount', 'cost', 'roi'].map((c) => f.t(`dashboard.col.${c}`));
  return { bars, table: { columns, rows } };
}
