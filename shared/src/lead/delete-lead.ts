import { err, ok, type Result } from '../common/result';
import type { Lead } from './lead';
import { leadCapabilities } from './lead-capabilities';
import { leadReadOnly } from './lead-errors';

/**
 * A converted lead is the record of where an organisation, contact and deal came from (their
 * activities follow it): it stays, read-only. Any other lead may go to the recycle bin.
 */
export function ensureLeadDeletable(lead: Lead): Result<void> {
  return leadCapabilities(lead).delete ? ok(undefined) : err(leadReadOnly());
}
