import type { Instant } from '../common/types';
import type { Opportunity } from './opportunity';
import { isClosedStageId } from './stages';

const DAY_MS = 86_400_000;

export type LastTouch = {
  /** The latest activity or stage change, whichever is later. */
  readonly at: Instant;
  readonly kind: 'activity' | 'stage-change';
};

type Touched = Pick<Opportunity, 'lastActivityAt' | 'stageChangedAt' | 'createdAt'>;

/**
 * When someone last worked on a deal: its latest activity, or its latest stage change if that came
 * later (moving a deal is work on it too; its creation is the first stage change). Everything comes
 * from the deal itself, so a list keyed by it is a key range, not a scan of activities.
 */
export function lastTouch(deal: Touched): LastTouch {
  const stage = Date.parse(deal.stageChangedAt ?? deal.createdAt);
  const activity = deal.lastActivityAt === undefined ? -Infinity : Date.parse(deal.lastActivityAt);
  return activity > stage
    ? { at: new Date(activity).toISOString(), kind: 'activity' }
    : { at: new Date(stage).toISOString(), kind: 'stage-change' };
}

/** Whole days since the last touch. */
export const daysInactive = (deal: Touched, now: Instant): number =>
  Math.floor((Date.parse(now) - Date.parse(lastTouch(deal).at)) / DAY_MS);

/** A deal last touched before this instant is stale. */
export const staleBefore = (now: Instant, staleAfterDays: number): Instant =>
  new Date(Date.parse(now) - staleAfterDays * DAY_MS).toISOString();

/** An open deal nobody has touched for longer than `staleAfterDays`: its days inactive; otherwise undefined. */
export function staleDays(
  deal: Touched & Pick<Opportunity, 'stage'>,
  now: Instant,
  staleAfterDays: number,
): number | undefined {
  if (isClosedStageId(deal.stage)) return undefined;
  return lastTouch(deal).at < staleBefore(now, staleAfterDays) ? daysInactive(deal, now) : undefined;
}

/** An open deal without a planned activity has "no next step". */
export const hasNoNextStep = (deal: Pick<Opportunity, 'stage' | 'nextActivity'>): boolean =>
  !isClosedStageId(deal.stage) && deal.nextActivity === undefined;
