import type { IsoDate } from '../common/types';
import type { Opportunity } from '../opportunity/opportunity';
import { LOST, WON } from '../opportunity/stage';

export type WinRateReport = {
  readonly won: number;
  readonly lost: number;
  /** won / (won + lost); null when nothing closed in the period. */
  readonly winRate: number | null;
};

/** Both bounds inclusive, compared with the UTC day the deal closed. */
export type Period = { readonly from?: IsoDate; readonly to?: IsoDate };

export const closedInPeriod = (deal: Opportunity, period: Period): boolean => {
  if (deal.closedAt === undefined) return false;
  const day = deal.closedAt.slice(0, 10);
  return (period.from === undefined || day >= period.from) && (period.to === undefined || day <= period.to);
};

/** Win rate over the deals closed (won or lost) in the period. */
export function winRateReport(opportunities: readonly Opportunity[], period: Period = {}): WinRateReport {
  const closed = opportunities.filter((o) => closedInPeriod(o, period));
  const won = closed.filter((o) => o.stage === WON).length;
  const lost = closed.filter((o) => o.stage === LOST).length;
  return { won, lost, winRate: won + lost === 0 ? null : won / (won + lost) };
}
