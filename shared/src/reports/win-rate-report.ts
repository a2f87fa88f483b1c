import type { Currency } from '../common/types';
import type { Opportunity } from '../opportunity/opportunity';
import { LOST, WON } from '../opportunity/stage';
import { inPeriod, type Period } from './period';

export type WinRateReport = {
  readonly won: number;
  readonly lost: number;
  /** won / (won + lost); null when nothing closed in the period. */
  readonly winRate: number | null;
  /** What the deals won in the period brought, per currency (never added across currencies). */
  readonly wonAmount: Readonly<Record<Currency, number>>;
};

/** Compared with the UTC day the deal closed. */
export const closedInPeriod = (deal: Opportunity, period: Period): boolean => inPeriod(deal.closedAt, period);

/** Win rate over the deals closed (won or lost) in the period. */
export function winRateReport(opportunities: readonly Opportunity[], period: Period = {}): WinRateReport {
  const closed = opportunities.filter((o) => closedInPeriod(o, period));
  const wins = closed.filter((o) => o.stage === WON);
  const won = wins.length;
  const lost = closed.filter((o) => o.stage === LOST).length;
  const wonAmount: Record<Currency, number> = {};
  for (const deal of wins)
    if (deal.amount !== undefined) wonAmount[deal.currency] = (wonAmount[deal.currency] ?? 0) + deal.amount;
  return { won, lost, winRate: won + lost === 0 ? null : won / (won + lost), wonAmount };
}
