import type * as z from 'zod';
import type { Activity, Regarding } from '../../activity/activity';
import type { NextActivity } from '../../activity/activity-summary';
import {
  ActivityCompleteInputSchema,
  ActivityRescheduleInputSchema,
  ActivitySnoozeInputSchema,
  decideActivityCompletion,
  decideActivitySnooze,
  decideActivityReopening,
  decideActivityRescheduling,
  type ActivityDecision,
} from '../../activity';
import type { ChangeContext } from '../../common/record-change';
import { ok, type Result } from '../../common/result';
import type { Id, UserId, WorkspaceId } from '../../common/types';
import { parseInput } from '../../common/validation';
import type { Version, Versioned } from '../../records/versions';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import { commitFollowed, loadForChange, loadRecord, updateWrite } from '../record/record-commands';
import { withRegardingNames, type ActivityView } from './activity-views';

/** Without If-Match, a one-click action lost to a concurrent edit is taken again on what is there now. */
const ATTEMPTS = 3;

/**
 * One click on an activity (done, undone, another day): on the activity as the client saw it when
 * If-Match is sent, else as it is now. A repeat (done twice) changes nothing and answers the activity.
 */
async function actOn(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
  decide: (activity: Activity, ctx: ChangeContext) => Result<ActivityDecision>,
): Promise<Result<Versioned<Activity>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  for (let attempt = 1; ; attempt++) {
    const current = expected
      ? await loadForChange(deps, ws, 'activity', id, expected)
      : await loadRecord(deps, ws, 'activity', id);
    if (!current.ok) return current;
    const decided = decide(current.value.record, { actor: caller.actor.userId, now: deps.clock.now() });
    if (!decided.ok) return decided;
    if (!decided.value.changed) return current;
    const { activity } = decided.value;
    const result = await commitFollowed(
      deps,
      ws,
      'activity',
      activity,
      { writes: [updateWrite('activity', current.value, activity)] },
      {
        before: current.value.record,
        after: activity,
        unchanged: async () =>
          (await deps.records.get(ws, 'activity', id))?.version === current.value.version,
      },
    );
    if (result.ok || expected || result.error.code !== 'CONCURRENCY.STALE' || attempt >= ATTEMPTS)
      return result;
  }
}

/**
 * What the client may offer once an activity is done: to plan the next one about the same record,
 * for the same owner. For a lead or a deal, `nextActivity` is what is planned now (absent: nothing,
 * "no next step").
 */
export type PlanNextHint = {
  readonly regarding: Regarding;
  readonly regardingName?: string;
  readonly ownerId: UserId;
  readonly nextActivity?: NextActivity;
};

export type CompletedActivity = {
  readonly activity: Versioned<ActivityView>;
  readonly planNext: PlanNextHint;
};

/** Marks an activity done (with an optional outcome) and says what to offer next. */
export async function completeActivity(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<CompletedActivity>> {
  const parsed = parseInput(ActivityCompleteInputSchema, input ?? {});
  if (!parsed.ok) return parsed;
  const done = await actOn(deps, caller, ws, id, expected, (a, ctx) =>
    decideActivityCompletion(a, parsed.value, ctx),
  );
  if (!done.ok) return done;
  const [activity] = await withRegardingNames(deps, ws, [done.value]);
  if (!activity) throw new Error('withRegardingNames dropped the activity');
  const next = await nextActivityAbout(deps, ws, activity.record.regarding);
  return ok({
    activity,
    planNext: {
      regarding: activity.record.regarding,
      ...(activity.record.regardingName !== undefined
        ? { regardingName: activity.record.regardingName }
        : {}),
      ownerId: activity.record.ownerId,
      ...(next ? { nextActivity: next } : {}),
    },
  });
}

/** Undoes "done". */
export async function reopenActivity(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
): Promise<Result<Versioned<ActivityView>>> {
  return named(deps, ws, await actOn(deps, caller, ws, id, expected, decideActivityReopening));
}

/** A one-click action that takes input (checked by its schema), answered with the activity named. */
const withInput =
  <S extends z.ZodType>(
    schema: S,
    decide: (activity: Activity, input: z.output<S>, ctx: ChangeContext) => Result<ActivityDecision>,
  ) =>
  async (
    deps: AppDeps,
    caller: Caller,
    ws: WorkspaceId,
    id: Id,
    expected: Version | undefined,
    input: unknown,
  ): Promise<Result<Versioned<ActivityView>>> => {
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed;
    const acted = await actOn(deps, caller, ws, id, expected, (a, ctx) => decide(a, parsed.value, ctx));
    return named(deps, ws, acted);
  };

/** Moves an open activity to another time (`{dueAt}`). */
export const rescheduleActivity = withInput(ActivityRescheduleInputSchema, decideActivityRescheduling);

/**
 * Snoozes an open activity (`{until: tomorrow | next-week, timeZone}`): due that day at the time of day
 * it was due, the days being the time zone's (`snoozedDueAt`).
 */
export const snoozeActivity = withInput(ActivitySnoozeInputSchema, decideActivitySnooze);

const named = async (
  deps: AppDeps,
  ws: WorkspaceId,
  acted: Result<Versioned<Activity>>,
): Promise<Result<Versioned<ActivityView>>> =>
  acted.ok ? ok((await withRegardingNames(deps, ws, [acted.value]))[0]!) : acted;

/** A deal's next activity, or a lead's (its converted deal's, once converted); none for other records. */
async function nextActivityAbout(
  deps: AppDeps,
  ws: WorkspaceId,
  regarding: Regarding,
): Promise<NextActivity | undefined> {
  if (regarding.type === 'opportunity') {
    return (await deps.records.get(ws, 'opportunity', regarding.id))?.record.nextActivity;
  }
  if (regarding.type !== 'lead') return undefined;
  const lead = (await deps.records.get(ws, 'lead', regarding.id))?.record;
  if (lead?.status === 'closed-converted' && lead.convertedOpportunityId) {
    const deal = await deps.records.get(ws, 'opportunity', lead.convertedOpportunityId);
    if (deal) return deal.record.nextActivity;
  }
  return lead?.nextActivity;
}
