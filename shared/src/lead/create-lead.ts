import { definedOnly, newAudit, type CreateContext } from '../common/record-change';
import { ok, type Result } from '../common/result';
import { EMPTY_QUALIFICATION, type Lead } from './lead';
import type { LeadCreateInput } from './lead.schema';
import { mergeQualification } from './qualification';

/** A new lead, owned by the actor unless the input names another owner. */
export function decideLeadCreation(input: LeadCreateInput, ctx: CreateContext): Result<Lead> {
  const { status, qualification, ownerId, source, ...details } = input;
  return ok({
    ...definedOnly(details),
    id: ctx.id,
    workspaceId: ctx.workspaceId,
    source: source ?? 'other',
    ownerId: ownerId ?? ctx.actor,
    qualification: mergeQualification(EMPTY_QUALIFICATION, qualification),
    status: status ?? 'open-not-contacted',
    ...newAudit(ctx),
  });
}
