import { applyPatch, definedOnly, touched, type ChangeContext } from '../common/record-change';
import { ok, type Result } from '../common/result';
import type { Activity } from './activity';
import type { ActivityPatchInput } from './activity.schema';
import { completionFor } from './task-completion';

/** A task turned into another type loses its done flag; a call turned into a task starts open. */
export function decideActivityUpdate(
  activity: Activity,
  patch: ActivityPatchInput,
  ctx: ChangeContext,
): Result<Activity> {
  const { completed: given, ...rest } = patch;
  const type = patch.type ?? activity.type;
  const completed = completionFor(type, activity.completed, given);
  if (!completed.ok) return completed;
  const next = applyPatch(activity, rest).record;
  return ok(touched(definedOnly({ ...next, completed: completed.value }), ctx));
}
