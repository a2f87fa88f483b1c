import type { Contact } from './contact';
import { ContactCreateInputSchema, type ContactCreateInput } from './contact.schema';
import { decideContactCreation } from './create-contact';

/** Shared by this folder's specs: contacts made by the real rule. */
export const T0 = '2026-03-02T09:00:00.000Z';
export const T1 = '2026-03-03T10:30:00.000Z';

export function aContact(input: Partial<ContactCreateInput> = {}, id = 'contact-1'): Contact {
  const parsed = ContactCreateInputSchema.parse({
    organisationId: 'org-1',
    firstName: 'Sanne',
    lastName: 'de Vries',
    ...input,
  });
  const created = decideContactCreation(parsed, { id, workspaceId: 'ws-1', actor: 'alice', now: T0 });
  if (!created.ok) throw new Error('fixture: contact not created');
  return created.value;
}
