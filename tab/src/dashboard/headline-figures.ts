import type { Reports } from '../api/reports';

/** Amounts per currency, largest first: never added across currencies. */
export type Amounts = readonly { readonly currency: string; readonly amount: number }[];

/** The dashboard's first row: what a sales lead looks at before any chart. */
export type HeadlineFigures = {
  readonly openPipeline: Amounts;
  readonly weightedPipeline: Amounts;
  readonly openDeals: number;
  readonly won: Amounts;
  readonly wonDeals: number;
  readonly lostDeals: number;
  /** won / (won + lost); null when nothing closed in the period. */
  readonly winRate: number | null;
  readonly averageCycleDays: number | null;
  readonly cycleDeals: number;
  readonly newLeads: number;
  /** converted / new leads; null without new leads. */
  readonly conversionRate: number | null;
};

const amounts = (byCurrency: Readonly<Record<string, number>>): Amounts =>
  Object.entries(byCurrency)
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));

/** The headline figures, from the reports as the server answers them (for the period chosen). */
export function headlineFigures(r: {
  readonly pipeline: Reports['pipeline'];
  readonly winRate: Reports['win-rate'];
  readonly salesCycle: Reports['sales-cycle'];
  readonly conversion: Reports['conversion'];
}): HeadlineFigures {
  const totals = Object.entries(r.pipeline.totals);
  const leads = r.conversion.rows.reduce((sum, row) => sum + row.leads, 0);
  const converted = r.conversion.rows.reduce((sum, row) => sum + row.converted, 0);
  return {
    openPipeline: amounts(Object.fromEntries(totals.map(([c, t]) => [c, t.amount]))),
    weightedPipeline: amounts(Object.fromEntries(totals.map(([c, t]) => [c, t.weightedAmount]))),
    openDeals: totals.reduce((sum, [, t]) => sum + t.count, 0),
    won: amounts(r.winRate.wonAmount ?? {}),
    wonDeals: r.winRate.won,
    lostDeals: r.winRate.lost,
    winRate: r.winRate.winRate,
    averageCycleDays: r.salesCycle.averageDays,
    cycleDeals: r.salesCycle.wonDeals,
    newLeads: leads,
    conversionRate: leads === 0 ? null : converted / leads,
  };
}
