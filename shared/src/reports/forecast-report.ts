import type { Currency, IsoDate } from '../common/types';
import type { Opportunity } from '../opportunity/opportunity';
import type { StageConfig } from '../opportunity/stage';
import { findStage } from '../opportunity/stages';
import { addDeal, type DealTotals } from './deal-totals';
import { roundAmount } from '../common/money-totals';

/** The forecast categories a forecast shows: lost deals (omitted) are not expected sales. */
export const FORECAST_COLUMNS = ['pipeline', 'best-case', 'commit', 'closed'] as const;
export type ForecastColumn = (typeof FORECAST_COLUMNS)[number];

export type ForecastTotals = DealTotals & { readonly byCategory: Readonly<Record<ForecastColumn, number>> };

export type ForecastMonth = {
  /** YYYY-MM. */
  readonly month: string;
  readonly byCurrency: Readonly<Record<Currency, ForecastTotals>>;
};

export type ForecastReport = {
  /** Every month of the period, empty ones included, in order. */
  readonly months: readonly ForecastMonth[];
  /** Open deals with no expected close date: part of no month, but not forgotten. */
  readonly undated: Readonly<Record<Currency, ForecastTotals>>;
};

export type ForecastPeriod = { readonly from: IsoDate; readonly months: number };

/**
 * Expected sales by close month. An open deal falls in the month of its expected close date; a won
 * deal in the month it was actually won (its closedAt), since that is when the sale happened.
 */
export function forecastReport(
  opportunities: readonly Opportunity[],
  stages: StageConfig,
  period: ForecastPeriod,
): ForecastReport {
  const keys = monthKeys(period.from, period.months);
  const months = new Map<string, Record<Currency, ForecastTotals>>(keys.map((k) => [k, {}]));
  const undated: Record<Currency, ForecastTotals> = {};
  for (const deal of opportunities) {
    const column = columnOf(deal, stages);
    if (!column) continue;
    const date = column === 'closed' ? deal.closedAt : deal.closeDate;
    const bucket =
      date === undefined ? (column === 'closed' ? undefined : undated) : months.get(date.slice(0, 7));
    if (bucket) bucket[deal.currency] = addForecast(bucket[deal.currency], deal, column);
  }
  return { months: keys.map((month) => ({ month, byCurrency: months.get(month) ?? {} })), undated };
}

function columnOf(deal: Opportunity, stages: StageConfig): ForecastColumn | undefined {
  // The stage config is the truth for categories; the stored one only stands in for a stage since removed.
  const category = findStage(stages, deal.stage)?.forecastCategory ?? deal.forecastCategory;
  switch (category) {
    case 'pipeline':
    case 'best-case':
    case 'commit':
    case 'closed':
      return category;
    case 'omitted':
      return undefined;
    default: {
      const _exhaustive: never = category;
      return _exhaustive;
    }
  }
}

const NO_CATEGORIES: Record<ForecastColumn, number> = { pipeline: 0, 'best-case': 0, commit: 0, closed: 0 };

function addForecast(
  totals: ForecastTotals | undefined,
  deal: Opportunity,
  column: ForecastColumn,
): ForecastTotals {
  const byCategory = totals?.byCategory ?? NO_CATEGORIES;
  return {
    ...addDeal(totals, deal),
    byCategory: { ...byCategory, [column]: roundAmount(byCategory[column] + (deal.amount ?? 0)) },
  };
}

/** `count` months from the month of `from`: ['2026-11', '2026-12', '2027-01', ...]. */
export function monthKeys(from: IsoDate, count: number): string[] {
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7)) - 1;
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i) => {
    const m = month + i;
    const y = year + Math.floor(m / 12);
    return `${String(y).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}
