import { definedOnly, newAudit, type CreateContext } from '../common/record-change';
import { ok, type Result } from '../common/result';
import type { Activity } from './activity';
import type { ActivityCreateInput } from './activity.schema';
import { completionFor } from './task-completion';

/** The regarding record's existence is the use case's to check: it needs storage. */
export function decideActivityCreation(input: ActivityCreateInput, ctx: CreateContext): Result<Activity> {
  const completed = completionFor(input.type, undefined, input.completed);
  if (!completed.ok) return completed;
  const { occurredAt, ownerId, ...details } = input;
  return ok(
    definedOnly({
      ...details,
      id: ctx.id,
      workspaceId: ctx.workspaceId,
      occurredAt: occurredAt ?? ctx.now,
      ownerId: ownerId ?? ctx.actor,
      completed: completed.value,
      ...newAudit(ctx),
    }),
  );
}
