import type { Activity } from '../activity/activity';
import type { Instant } from '../common/types';
import type { Opportunity } from '../opportunity/opportunity';
import { isClosedStageId } from '../opportunity/stages';

/**
 * What counts as a sign of life on a deal. The use case passes the deal's own activities and those
 * of its originating lead with `regarding` already pointing at the deal, so this stays a filter.
 */
export type ActivityTouch = Pick<Activity, 'type' | 'regarding' | 'occurredAt' | 'completed'>;

export type StaleDealsInput = {
  readonly opportunities: readonly Opportunity[];
  readonly activities: readonly ActivityTouch[];
  readonly now: Instant;
  readonly staleAfterDays: number;
};

export type StaleDeal = {
  readonly opportunity: Opportunity;
  /** The latest activity or stage change, whichever is later. */
  readonly lastTouchAt: Instant;
  readonly lastTouch: 'activity' | 'stage-change';
  /** Whole days since the last touch. */
  readonly daysInactive: number;
};

const DAY_MS = 86_400_000;

/**
 * An activity counts once it has happened: not an open task (it is a plan, not a contact), nor
 * anything dated after `now`.
 */
const happened = (a: ActivityTouch, now: number): boolean =>
  Date.parse(a.occurredAt) <= now && (a.type !== 'task' || a.completed === true);

/**
 * Open deals nobody has touched for longer than `staleAfterDays`, oldest first. Moving a deal to
 * another stage is work on it too, so a recent stage change (or the creation, which is the first
 * one) keeps a deal fresh even when its last logged activity is old.
 */
export function staleDealsReport(input: StaleDealsInput): StaleDeal[] {
  const now = Date.parse(input.now);
  const latest = new Map<string, number>();
  for (const a of input.activities) {
    if (a.regarding.type !== 'opportunity' || !happened(a, now)) continue;
    const at = Date.parse(a.occurredAt);
    if (at > (latest.get(a.regarding.id) ?? -Infinity)) latest.set(a.regarding.id, at);
  }
  const limit = now - input.staleAfterDays * DAY_MS;
  return input.opportunities
    .filter((o) => !isClosedStageId(o.stage))
    .map((o) => {
      const activityAt = latest.get(o.id) ?? -Infinity;
      const stageAt = Date.parse(o.stageChangedAt);
      const last = Math.max(activityAt, stageAt);
      return {
        opportunity: o,
        lastTouchAt: new Date(last).toISOString(),
        lastTouch: activityAt > stageAt ? ('activity' as const) : ('stage-change' as const),
        daysInactive: Math.floor((now - last) / DAY_MS),
        last,
      };
    })
    .filter((d) => d.last < limit)
    .sort((a, b) => a.last - b.last || a.opportunity.id.localeCompare(b.opportunity.id))
    .map(({ last: _last, ...deal }) => deal);
}
