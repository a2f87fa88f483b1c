import { morningDigestDate } from '../../activity/morning-digest';
import type { IsoDate, UserId } from '../../common/types';
import type { MorningDigestDue } from '../../events/domain-event';
import type { Workspace } from '../../workspace/workspace';
import type { AppDeps } from '../deps';
import { myDay } from './my-day.use-case';

/**
 * What came of one member's digest at one moment: queued for their chat, nothing due (so nothing is
 * sent that day), done before (by this or another instance), not their digest hour, or no member.
 */
export type MorningDigestOutcome = 'queued' | 'nothing-due' | 'done-before' | 'not-now' | 'not-a-member';

/** The claim a member's digest of one day writes: an idempotency row of the workspace. */
export const morningDigestKey = (userId: UserId, date: IsoDate): string => `morning-digest:${userId}:${date}`;

/**
 * A member's morning digest, when it is due now in `timeZone` (08:00 to noon on a working day): their
 * open activities overdue or due today are read, and a digest event for their personal chat is
 * committed (the outbox relay posts it) with the day's claim. Nothing due: the claim alone, so nothing
 * is sent later that day either. The claim is created in the commit, so two instances (or a restart)
 * queue one digest per member per day: the second commit fails and is "done before".
 */
export async function queueMorningDigest(
  deps: AppDeps,
  workspace: Workspace,
  userId: UserId,
  timeZone: string,
): Promise<MorningDigestOutcome> {
  const now = deps.clock.now();
  const date = morningDigestDate(now, timeZone);
  if (!date) return 'not-now';
  const ws = workspace.id;
  const key = morningDigestKey(userId, date);
  if (await deps.records.findIdempotency(ws, key)) return 'done-before';
  const day = await myDay(deps, { actor: { tenantId: workspace.tenantId, userId } }, ws, {
    tz: timeZone,
    days: 1,
  });
  if (!day.ok) return 'not-a-member';
  const due = day.value.overdue.items.length + day.value.today.items.length > 0;
  const event: MorningDigestDue = {
    id: deps.ids.newId(),
    type: 'activity.morning-digest',
    workspaceId: ws,
    occurredAt: now,
    actorId: userId,
    data: { userId, date, timeZone },
  };
  const committed = await deps.records.commit(ws, {
    writes: [],
    events: due ? [event] : [],
    idempotency: { key, fingerprint: key, response: { queued: due }, createdAt: now },
  });
  if (!committed.ok) {
    if (committed.error.code === 'CONCURRENCY.STALE') return 'done-before';
    throw new Error(`morning digest not committed: ${committed.error.code}`);
  }
  return due ? 'queued' : 'nothing-due';
}
