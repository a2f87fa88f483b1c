import { applyPatch, touched, type ChangeContext } from '../common/record-change';
import { ok, type Result } from '../common/result';
import type { Organisation } from './organisation';
import type { OrganisationPatchInput } from './organisation.schema';

/**
 * Edits an organisation. Its status is the team's to set by hand too (partner, supplier, former
 * customer); only `markCustomerOnWin` sets it on its own. A patch that changes nothing returns the
 * organisation as it was.
 */
export function decideOrganisationUpdate(
  organisation: Organisation,
  patch: OrganisationPatchInput,
  ctx: ChangeContext,
): Result<Organisation> {
  const edited = applyPatch(organisation, patch);
  return ok(edited.changed ? touched(edited.record, ctx) : organisation);
}
