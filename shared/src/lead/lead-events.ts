import type { Id, Instant, UserId } from '../common/types';
import type { LeadDisqualified } from '../events/domain-event';
import { leadDisplayName, type DisqualifiedLead } from './lead';

export const leadDisqualified = (
  lead: DisqualifiedLead,
  ctx: { readonly actor: UserId; readonly now: Instant; readonly eventId: Id },
): LeadDisqualified => ({
  id: ctx.eventId,
  type: 'lead.disqualified',
  workspaceId: lead.workspaceId,
  occurredAt: ctx.now,
  actorId: ctx.actor,
  data: { leadId: lead.id, leadName: leadDisplayName(lead), reason: lead.disqualificationReason },
});
