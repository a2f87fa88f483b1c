import { applyPatch, definedOnly, touched, type ChangeContext } from '../common/record-change';
import { ok, type Result } from '../common/result';
import type { Activity } from './activity';
import type { ActivityPatchInput } from './activity.schema';
import { completionAfter } from './activity-completion';

/**
 * Edits an activity. Any type can be marked done or undone (`completed`); `occurredAt` is when it is
 * due while open, when it happened once done. Changing its type keeps its state.
 */
export function decideActivityUpdate(
  activity: Activity,
  patch: ActivityPatchInput,
  ctx: ChangeContext,
): Result<Activity> {
  const { completed: given, ...rest } = patch;
  const { completedAt: _at, ...next } = applyPatch(activity, rest).record;
  return ok(touched(definedOnly({ ...next, ...completionAfter(activity, given, ctx.now) }), ctx));
}
