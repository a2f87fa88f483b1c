import type { Opportunity } from '../opportunity/opportunity';
import { WON } from '../opportunity/stage';
import { inPeriod, type Period } from './period';

export type SalesCycleReport = {
  readonly wonDeals: number;
  /** Mean days from the deal's creation to its win, one decimal; null without won deals. */
  readonly averageDays: number | null;
};

const DAY_MS = 86_400_000;

/**
 * Average sales cycle of the deals won in the period (by the UTC day they closed; default: ever). It
 * starts when the opportunity was created (for a converted lead: at conversion), not when the lead
 * came in: lead handling is the conversion report's subject.
 */
export function salesCycleReport(
  opportunities: readonly Opportunity[],
  period: Period = {},
): SalesCycleReport {
  const cycles = opportunities.flatMap((o) =>
    o.stage === WON && o.closedAt !== undefined && inPeriod(o.closedAt, period)
      ? [(Date.parse(o.closedAt) - Date.parse(o.createdAt)) / DAY_MS]
      : [],
  );
  if (cycles.length === 0) return { wonDeals: 0, averageDays: null };
  const average = cycles.reduce((sum, days) => sum + days, 0) / cycles.length;
  return { wonDeals: cycles.length, averageDays: Math.round(average * 10) / 10 };
}
