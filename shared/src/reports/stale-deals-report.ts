import type { Activity } from '../activity/activity';
import type { Instant } from '../common/types';
import type { Opportunity } from '../opportunity/opportunity';
import { daysInactive, lastTouch, staleDays } from '../opportunity/deal-touch';

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

/**
 * An activity counts once it has happened: not an open task (it is a plan, not a contact), nor
 * anything dated after `now`.
 */
const happened = (a: ActivityTouch, now: number): boolean =>
  Date.parse(a.occurredAt) <= now && (a.type !== 'task' || a.completed === true);

/** One open deal nobody touched for too long, as the stale-deals report lists it. */
export function staleDeal(opportunity: Opportunity, now: Instant): StaleDeal {
  const touch = lastTouch(opportunity);
  return {
    opportunity,
    lastTouchAt: touch.at,
    lastTouch: touch.kind,
    daysInactive: daysInactive(opportunity, now),
  };
}

/**
 * Open deals nobody has touched for longer than `staleAfterDays`, oldest first, given the deals and
 * their activities (the deals' own `lastActivityAt` stands in where no activity is given). Moving a
 * deal to another stage is work on it too, so a recent stage change (or the creation, which is the
 * first one) keeps a deal fresh even when its last logged activity is old. The API reads the same
 * list as a key range (`RecordRepository.staleDeals`); this is its recount.
 */
export function staleDealsReport(input: StaleDealsInput): StaleDeal[] {
  const now = Date.parse(input.now);
  const latest = new Map<string, number>();
  for (const a of input.activities) {
    if (a.regarding.type !== 'opportunity' || !happened(a, now)) continue;
    const at = Date.parse(a.occurredAt);
    if (at > (latest.get(a.regarding.id) ?? -Infinity)) latest.set(a.regarding.id, at);
  }
  const given = new Map(input.opportunities.map((o) => [o.id, o]));
  return input.opportunities
    .map((o) => {
      const at = Math.max(
        latest.get(o.id) ?? -Infinity,
        o.lastActivityAt ? Date.parse(o.lastActivityAt) : -Infinity,
      );
      return at === -Infinity ? o : { ...o, lastActivityAt: new Date(at).toISOString() };
    })
    .filter((o) => staleDays(o, input.now, input.staleAfterDays) !== undefined)
    .map((o) => staleDeal(o, input.now))
    .sort(
      (a, b) =>
        a.lastTouchAt.localeCompare(b.lastTouchAt) || a.opportunity.id.localeCompare(b.opportunity.id),
    )
    .map((d) => ({ ...d, opportunity: given.get(d.opportunity.id) ?? d.opportunity }));
}
