import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Opportunity } from './opportunity';
import type { OpportunityPatchInput } from './opportunity.schema';

/**
 * What a closed deal keeps fixed. Its amount, currency, close date, organisation and probability
 * are the result that win rate, revenue and campaign ROI are computed from; changing them after the
 * fact silently rewrites reports. As in Dynamics 365, that takes reopening the deal, which leaves a
 * row in its stage history. Descriptive fields (name, notes, next step, owner, contact, campaign
 * attribution, a lost deal's reason) stay editable: correcting them rewrites nothing that was reported.
 */
export const FIXED_WHEN_CLOSED = [
  'amount',
  'currency',
  'closeDate',
  'organisationId',
  'probability',
] as const;

export function checkClosedDealEdit(opp: Opportunity, patch: OpportunityPatchInput): Result<void> {
  const changed = FIXED_WHEN_CLOSED.filter((field) => {
    const value = patch[field];
    if (value === undefined) return false;
    // null asks the probability to follow the stage, which a closed deal's always does.
    if (value === null) return field === 'probability' ? opp.probabilityOverridden : opp[field] !== undefined;
    return value !== opp[field];
  });
  if (changed.length === 0) return ok(undefined);
  return err(
    domainError(
      'OPPORTUNITY.CLOSED',
      `A closed opportunity's ${changed.join(', ')} can only change after reopening it.`,
      {
        fields: Object.fromEntries(changed.map((f) => [f, 'fixed while closed'])),
      },
    ),
  );
}
