import type { Currency, IsoDate } from '../common/types';
import type { Opportunity } from '../opportunity/opportunity';
import { CLOSED_PREFIX, recountFigures } from './figure-contributions';
import { amountOf, entriesUnder, type FigureSet } from './figures';

export type WinRateReport = {
  readonly won: number;
  readonly lost: number;
  /** won / (won + lost); null when nothing closed in the period. */
  readonly winRate: number | null;
  /** What the deals won in the period brought, per currency (never added across currencies). */
  readonly wonAmount: Readonly<Record<Currency, number>>;
};

/** Both bounds inclusive, compared with the UTC day the deal closed. */
export type Period = { readonly from?: IsoDate; readonly to?: IsoDate };

export const closedInPeriod = (deal: Opportunity, period: Period): boolean => {
  if (deal.closedAt === undefined) return false;
  return inPeriod(deal.closedAt.slice(0, 10), period);
};

const inPeriod = (day: IsoDate, period: Period): boolean =>
  (period.from === undefined || day >= period.from.slice(0, 10)) &&
  (period.to === undefined || day <= period.to.slice(0, 10));

/**
 * The figure rows (`cl|<YYYY-MM>`) a period needs, as a key range: the months from the first to the
 * last (open-ended without a bound). Months without closures have no row.
 */
export const closedRowRange = (period: Period): { readonly from?: string; readonly to?: string } => ({
  ...(period.from ? { from: `${CLOSED_PREFIX}${period.from.slice(0, 7)}` } : {}),
  ...(period.to ? { to: `${CLOSED_PREFIX}${period.to.slice(0, 7)}` } : {}),
});

/** Counters `day → won/lost/cyc/wa` of the closure rows, summed over the days in the period. */
export function closuresIn(
  figures: FigureSet,
  period: Period,
): { won: bigint; lost: bigint; cycleMs: bigint; wonAmount: Map<Currency, bigint> } {
  const sum = { won: 0n, lost: 0n, cycleMs: 0n, wonAmount: new Map<Currency, bigint>() };
  for (const [row, values] of figures) {
    if (!row.startsWith(CLOSED_PREFIX)) continue;
    const month = row.slice(CLOSED_PREFIX.length);
    for (const [[day, field, currency], value] of entriesUnder(values)) {
      if (day === undefined || !inPeriod(`${month}-${day}`, period)) continue;
      if (field === 'won') sum.won += value;
      else if (field === 'lost') sum.lost += value;
      else if (field === 'cyc') sum.cycleMs += value;
      else if (field === 'wa' && currency !== undefined)
        sum.wonAmount.set(currency, (sum.wonAmount.get(currency) ?? 0n) + value);
    }
  }
  return sum;
}

/** Win rate over the deals closed (won or lost) in the period, from the maintained figures. */
export function winRateFromFigures(figures: FigureSet, period: Period = {}): WinRateReport {
  const { won, lost, wonAmount } = closuresIn(figures, period);
  const w = Number(won);
  const l = Number(lost);
  return {
    won: w,
    lost: l,
    winRate: w + l === 0 ? null : w / (w + l),
    wonAmount: Object.fromEntries([...wonAmount].map(([currency, units]) => [currency, amountOf(units)])),
  };
}

/** The same over records. */
export const winRateReport = (opportunities: readonly Opportunity[], period: Period = {}): WinRateReport =>
  winRateFromFigures(recountFigures([], opportunities), period);
