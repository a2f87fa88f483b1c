import { err, type Result } from '../common/result';
import type { Lead } from './lead';
import { leadInvalidTransition, leadReadOnly } from './lead-errors';
import { decideLeadUpdate, type LeadChange, type LeadChangeContext } from './update-lead';

/** A disqualified lead goes back to working-contacted and loses its reason. */
export function decideReopening(lead: Lead, ctx: LeadChangeContext): Result<LeadChange> {
  switch (lead.status) {
    case 'closed-not-converted':
      return decideLeadUpdate(lead, { status: 'working-contacted' }, ctx);
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
