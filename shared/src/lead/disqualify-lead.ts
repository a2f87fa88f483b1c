import { err, type Result } from '../common/result';
import type { Lead } from './lead';
import { isConvertedLead } from './lead-capabilities';
import { leadReadOnly } from './lead-errors';
import { decideLeadUpdate, type LeadChange, type LeadChangeContext } from './update-lead';

/**
 * Closes a lead as not converted, with a reason (kept; the lead can be reopened). Disqualifying a
 * disqualified lead again only replaces its reason and tells no one: a double-click is harmless.
 */
export function decideDisqualification(
  lead: Lead,
  reason: string,
  ctx: LeadChangeContext,
): Result<LeadChange> {
  if (isConvertedLead(lead)) return err(leadReadOnly());
  return decideLeadUpdate(lead, { status: 'closed-not-converted', disqualificationReason: reason }, ctx);
}
