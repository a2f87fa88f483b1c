import { err, type Result } from '../common/result';
import type { Lead } from './lead';
import { leadInvalidTransition, leadReadOnly } from './lead-errors';
import { updateLead, type LeadChange, type LeadChangeContext } from './update-lead';

/** A disqualified lead goes back to working-contacted and loses its reason. */
export function reopenLead(lead: Lead, ctx: LeadChangeContext): Result<LeadChange> {
  switch (lead.status) {
    case 'closed-not-converted':
      return updateLead(lead, { status: 'working-contacted' }, ctx);
    case 'closed-converted':
      return err(leadReadOnly());
    case 'open-not-contacted':
    case 'working-contacted':
      return err(leadInvalidTransition(lead.status, 'working-contacted'));
    default: {
      const _exhaustive: never = lead;
      return _exhaustive;
    }
  }
}
