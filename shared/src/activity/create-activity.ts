import { definedOnly, newAudit, type CreateContext } from '../common/record-change';
import { ok, type Result } from '../common/result';
import type { Activity } from './activity';
import type { ActivityCreateInput } from './activity.schema';
import { completionAtCreation } from './activity-completion';

/**
 * A new activity, owned by the actor unless the input names another member, happening (or due) now
 * unless `occurredAt` says when. Done by default when logged as it happens (activity-completion.ts).
 * The regarding record's existence is the use case's to check: it needs storage.
 */
export function decideActivityCreation(input: ActivityCreateInput, ctx: CreateContext): Result<Activity> {
  const { occurredAt, ownerId, completed: _given, ...details } = input;
  return ok(
    definedOnly({
      ...details,
      id: ctx.id,
      workspaceId: ctx.workspaceId,
      occurredAt: occurredAt ?? ctx.now,
      ownerId: ownerId ?? ctx.actor,
      ...completionAtCreation(input, ctx.now),
      ...newAudit(ctx),
    }),
  );
}
