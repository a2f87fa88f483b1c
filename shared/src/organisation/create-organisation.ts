import { definedOnly, newAudit, type CreateContext } from '../common/record-change';
import { ok, type Result } from '../common/result';
import type { Organisation } from './organisation';
import type { OrganisationCreateInput } from './organisation.schema';

/** A new organisation, owned by the actor unless the input names another owner. */
export function decideOrganisationCreation(
  input: OrganisationCreateInput,
  ctx: CreateContext,
): Result<Organisation> {
  const { ownerId, status, ...details } = input;
  return ok({
    ...definedOnly(details),
    id: ctx.id,
    workspaceId: ctx.workspaceId,
    status: status ?? 'prospect',
    ownerId: ownerId ?? ctx.actor,
    ...newAudit(ctx),
  });
}
