import type { DealTotals } from '@crm/shared';
import type { TFunction } from 'i18next';
import type { Reports } from '../api/reports';
import type { Format } from '../i18n/useFormat';
import type { TextRows } from '../records/TextTable';
import type { BarRow } from './BarList';
import type { Column } from './ColumnChart';

/** One chart per currency: amounts in different currencies are never on one axis, nor added. */
export type PerCurrency<T> = { readonly currency: string; readonly items: readonly T[] };

type Context = {
  readonly t: TFunction;
  readonly format: Format;
  readonly language: string;
  readonly stageName: (id: string) => string;
};

const currenciesOf = (maps: readonly Readonly<Record<string, unknown>>[]): string[] =>
  [...new Set(maps.flatMap((m) => Object.keys(m)))].sort();

const columns = (f: Context, keys: readonly string[]) => keys.map((c) => f.t(`dashboard.col.${c}`));

/** A stage's or a month's deals as table rows: one per currency (count, amount, weighted). */
const totalsRows = (
  label: string,
  byCurrency: Readonly<Record<string, DealTotals>>,
  f: Context,
): string[][] =>
  Object.entries(byCurrency).map(([currency, total]) => [
    label,
    currency,
    f.format.number(total.count),
    f.format.money(total.amount, currency),
    f.format.money(total.weightedAmount, currency),
  ]);

/** The open pipeline per stage: the amount as the bar, the weighted amount inside it. */
export function pipelineSeries(report: Reports['pipeline'], f: Context) {
  const series: PerCurrency<BarRow>[] = currenciesOf([report.totals]).map((currency) => ({
    currency,
    items: report.stages.map((s) => {
      const total = s.byCurrency[currency];
      return {
        label: f.stageName(s.stage),
        value: total?.amount ?? 0,
        inner: total?.weightedAmount ?? 0,
        text: f.format.compactMoney(total?.amount ?? 0, currency),
      };
    }),
  }));
  const rows = report.stages.flatMap((s) => totalsRows(f.stageName(s.stage), s.byCurrency, f));
  return {
    series,
    table: { columns: columns(f, ['stage', 'currency', 'count', 'amount', 'weighted']), rows },
  };
}

/** Expected sales by close month: a column per month, its year under the first month of each year. */
export function forecastSeries(report: Reports['forecast'], f: Context) {
  const date = (month: string) => new Date(`${month}-01T00:00:00Z`);
  const short = new Intl.DateTimeFormat(f.language, { month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(f.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const series: PerCurrency<Column>[] = currenciesOf(report.months.map((m) => m.byCurrency)).map(
    (currency) => ({
      currency,
      items: report.months.map((m, i) => {
        const amount = m.byCurrency[currency]?.amount ?? 0;
        const year = m.month.slice(0, 4);
        const newYear = i === 0 || report.months[i - 1]?.month.slice(0, 4) !== year;
        return {
          label: short.format(date(m.month)),
          ...(newYear ? { group: year } : {}),
          value: amount,
          text: f.format.compactMoney(amount, currency),
          title: long.format(date(m.month)),
        };
      }),
    }),
  );
  const rows = report.months.flatMap((m) => totalsRows(long.format(date(m.month)), m.byCurrency, f));
  return {
    series,
    table: { columns: columns(f, ['month', 'currency', 'count', 'amount', 'weighted']), rows },
  };
}

/** Conversion rate per source or campaign: the rate as the bar, "25% · 1 of 4" beside it. */
export function conversionSeries(
  report: Reports['conversion'],
  keyName: (key: string | null) => string,
  f: Context,
): { readonly bars: readonly BarRow[]; readonly table: TextRows } {
  const bars: BarRow[] = report.rows.map((r) => ({
    label: keyName(r.key),
    value: r.conversionRate,
    text: f.t('dashboard.rateOf', {
      rate: f.format.percent(r.conversionRate),
      converted: f.format.number(r.converted),
      leads: f.format.number(r.leads),
    }),
  }));
  const rows = report.rows.map((r) => [
    keyName(r.key),
    f.format.number(r.leads),
    f.format.number(r.converted),
    f.format.percent(r.conversionRate),
  ]);
  const key = report.by === 'campaign' ? 'campaign' : 'source';
  return { bars, table: { columns: columns(f, [key, 'leads', 'converted', 'rate']), rows } };
}

/** What each campaign returned on its cost: a bar to the right of zero for a gain, left for a loss. */
export function campaignRoiSeries(report: Reports['campaigns'], f: Context) {
  const bars: BarRow[] = report.rows.flatMap((r) =>
    r.roi === null ? [] : [{ label: r.name, value: r.roi, text: f.format.percent(r.roi) }],
  );
  const rows = report.rows.map((r) => [
    r.name,
    f.format.money(r.wonAmount[r.currency] ?? 0, r.currency),
    r.actualCost === null ? '–' : f.format.money(r.actualCost, r.currency),
    r.roi === null ? '–' : f.format.percent(r.roi),
  ]);
  return { bars, table: { columns: columns(f, ['campaign', 'wonAmount', 'cost', 'roi']), rows } };
}
