import { definedOnly, newAudit, type CreateContext } from '../common/record-change';
import { ok, type Result } from '../common/result';
import type { Contact } from './contact';
import type { ContactCreateInput } from './contact.schema';

/**
 * A new contact, owned by the actor unless the input names another owner. That the organisation
 * exists in the workspace is the use case's check (CONTACT.ORGANISATION_NOT_FOUND): it takes a read.
 */
export function decideContactCreation(input: ContactCreateInput, ctx: CreateContext): Result<Contact> {
  const { ownerId, relationship, isDecisionMaker, ...details } = input;
  return ok({
    ...definedOnly(details),
    id: ctx.id,
    workspaceId: ctx.workspaceId,
    relationship: relationship ?? 'customer',
    isDecisionMaker: isDecisionMaker ?? false,
    ownerId: ownerId ?? ctx.actor,
    ...newAudit(ctx),
  });
}
