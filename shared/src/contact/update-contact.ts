import { applyPatch, touched, type ChangeContext } from '../common/record-change';
import { ok, type Result } from '../common/result';
import type { Contact } from './contact';
import type { ContactPatchInput } from './contact.schema';

/**
 * Edits a contact, possibly moving it to another organisation (people change jobs; the use case
 * checks that organisation exists). A patch that changes nothing returns the contact as it was.
 */
export function decideContactUpdate(
  contact: Contact,
  patch: ContactPatchInput,
  ctx: ChangeContext,
): Result<Contact> {
  const edited = applyPatch(contact, patch);
  return ok(edited.changed ? touched(edited.record, ctx) : contact);
}
