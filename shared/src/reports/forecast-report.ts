import type { Currency, IsoDate } from '../common/types';
import type { Opportunity } from '../opportunity/opportunity';
import { WON, type ForecastCategory, type StageConfig, type StageId } from '../opportunity/stage';
import { findStage } from '../opportunity/stages';
import { totalsOf, type DealTotals, type TotalsUnits } from './deal-totals';
import { FORECAST_UNDATED, forecastRow, recountFigures } from './figure-contributions';
import { amountOf, entriesUnder, type FigureSet, type FigureValues } from './figures';

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

/** The figure rows a forecast of `period` reads: one per month, and the undated deals. */
export const forecastFigureRows = (period: ForecastPeriod): string[] => [
  ...monthKeys(period.from, period.months).map(forecastRow),
  FORECAST_UNDATED,
];

/**
 * Expected sales by close month, from the maintained figures. An open deal falls in the month of its
 * expected close date; a won deal in the month it was actually won (its closedAt), since that is
 * when the sale happened. The forecast category comes from the workspace's stages (the copy on the
 * deal only stands in for a stage since removed).
 */
export function forecastFromFigures(
  figures: FigureSet,
  stages: StageConfig,
  period: ForecastPeriod,
): ForecastReport {
  const keys = monthKeys(period.from, period.months);
  return {
    months: keys.map((month) => ({
      month,
      byCurrency: monthTotals(figures.get(forecastRow(month)), stages),
    })),
    undated: monthTotals(figures.get(FORECAST_UNDATED), stages),
  };
}

/** The same over records. */
export const forecastReport = (
  opportunities: readonly Opportunity[],
  stages: StageConfig,
  period: ForecastPeriod,
): ForecastReport => forecastFromFigures(recountFigures([], opportunities), stages, period);

type Units = TotalsUnits & { byCategory: Record<ForecastColumn, bigint> };

function monthTotals(row: FigureValues | undefined, stages: StageConfig): Record<Currency, ForecastTotals> {
  const byCurrency = new Map<Currency, Units>();
  for (const [[stage, stored, currency, field], value] of entriesUnder(row)) {
    if (stage === undefined || currency === undefined) continue;
    const column = columnOf(stage, stored as ForecastCategory, stages);
    if (!column) continue;
    const t = byCurrency.get(currency) ?? {
      count: 0n,
      amount: 0n,
      weighted: 0n,
      byCategory: { pipeline: 0n, 'best-case': 0n, commit: 0n, closed: 0n },
    };
    if (field === 'n') t.count += value;
    else if (field === 'a') {
      t.amount += value;
      t.byCategory[column] += value;
    } else if (field === 'w') t.weighted += value;
    byCurrency.set(currency, t);
  }
  const out: Record<Currency, ForecastTotals> = {};
  for (const [currency, t] of byCurrency) {
    if (t.count === 0n) continue;
    out[currency] = {
      ...totalsOf(t),
      byCategory: {
        pipeline: amountOf(t.byCategory.pipeline),
        'best-case': amountOf(t.byCategory['best-case']),
        commit: amountOf(t.byCategory.commit),
        closed: amountOf(t.byCategory.closed),
      },
    };
  }
  return out;
}

function columnOf(stage: StageId, stored: ForecastCategory, stages: StageConfig): ForecastColumn | undefined {
  const category = findStage(stages, stage)?.forecastCategory ?? stored;
  switch (category) {
    case 'pipeline':
    case 'best-case':
    case 'commit':
      return category;
    case 'closed':
      // Only a won deal has a month it closed in.
      return stage === WON ? category : undefined;
    case 'omitted':
      return undefined;
    default: {
      const _exhaustive: never = category;
      return _exhaustive;
    }
  }
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
