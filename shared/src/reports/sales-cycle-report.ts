import type { Opportunity } from '../opportunity/opportunity';
import { recountFigures } from './figure-contributions';
import type { FigureSet } from './figures';
import { closuresIn, type Period } from './win-rate-report';

export type SalesCycleReport = {
  readonly wonDeals: number;
  /** Mean days from the deal's creation to its win, one decimal; null without won deals. */
  readonly averageDays: number | null;
};

const DAY_MS = 86_400_000;

/**
 * Average sales cycle of the deals won in the period (all of them without one), from the
 * maintained figures. It starts when the opportunity was created (for a converted lead: at
 * conversion), not when the lead came in: lead handling is the conversion report's subject.
 */
export function salesCycleFromFigures(figures: FigureSet, period: Period = {}): SalesCycleReport {
  const { won, cycleMs } = closuresIn(figures, period);
  if (won === 0n) return { wonDeals: 0, averageDays: null };
  const average = Number(cycleMs) / Number(won) / DAY_MS;
  return { wonDeals: Number(won), averageDays: Math.round(average * 10) / 10 };
}

/** The same over records. */
export const salesCycleReport = (
  opportunities: readonly Opportunity[],
  period: Period = {},
): SalesCycleReport => salesCycleFromFigures(recountFigures([], opportunities), period);
