import { domainError } from '../common/domain-error';
import { touched, type ChangeContext } from '../common/record-change';
import { err, ok, type Result } from '../common/result';
import type { Instant } from '../common/types';
import type { Activity } from './activity';

/** What a one-click action decided: the activity, and whether it changed at all (a repeat does not). */
export type ActivityDecision = { readonly activity: Activity; readonly changed: boolean };

/**
 * Marks an activity done now, with an optional outcome ("left a voicemail"). Marking a done one done
 * again changes nothing (a double click), unless it brings an outcome.
 */
export function decideActivityCompletion(
  activity: Activity,
  input: { readonly outcome?: string | undefined },
  ctx: ChangeContext,
): Result<ActivityDecision> {
  const outcome = input.outcome ?? activity.outcome;
  if (activity.completed && outcome === activity.outcome) return ok({ activity, changed: false });
  const completedAt = activity.completed ? activity.completedAt : ctx.now;
  return ok({
    activity: touched(
      {
        ...activity,
        completed: true,
        ...(completedAt ? { completedAt } : {}),
        ...(outcome !== undefined ? { outcome } : {}),
      },
      ctx,
    ),
    changed: true,
  });
}

/** Undoes "done": the activity is open again, due when it was. Reopening an open one changes nothing. */
export function decideActivityReopening(activity: Activity, ctx: ChangeContext): Result<ActivityDecision> {
  if (!activity.completed) return ok({ activity, changed: false });
  const { completedAt: _at, ...rest } = activity;
  return ok({ activity: touched({ ...rest, completed: false }, ctx), changed: true });
}

/**
 * Moves an open activity to another time (snooze, another day). A done one has happened: its time is
 * an edit (updateActivity), not a reschedule.
 */
export function decideActivityRescheduling(
  activity: Activity,
  input: { readonly dueAt: Instant },
  ctx: ChangeContext,
): Result<ActivityDecision> {
  if (activity.completed) {
    return err(
      domainError('ACTIVITY.ALREADY_COMPLETED', 'A done activity cannot be rescheduled; reopen it first.'),
    );
  }
  if (activity.occurredAt === input.dueAt) return ok({ activity, changed: false });
  return ok({ activity: touched({ ...activity, occurredAt: input.dueAt }, ctx), changed: true });
}
