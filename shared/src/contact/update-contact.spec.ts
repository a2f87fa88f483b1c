import type { ContactPatchInput } from './contact.schema';
import { aContact, T1 } from './contact.fixtures';
import { decideContactUpdate } from './update-contact';

describe('decideContactUpdate', () => {
  const ctx = { actor: 'bob', now: T1 };

  it('given a move to another organisation and a cleared field, then both apply and the audit moves', () => {
    const contact = aContact({ email: 'sanne@devries.nl' });
    const result = decideContactUpdate(
      contact,
      { organisationId: 'org-2', email: null, isDecisionMaker: true },
      ctx,
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({
      organisationId: 'org-2',
      isDecisionMaker: true,
      updatedAt: T1,
      updatedBy: 'bob',
    });
    expect(result.value).not.toHaveProperty('email');
  });

  it.each<[string, ContactPatchInput]>([
    ['an empty patch', {}],
    ['the values it has', { organisationId: 'org-1', lastName: 'de Vries', isDecisionMaker: false }],
    ['null for a field it lacks', { mobile: null }],
  ])('given %s, then it comes back unchanged, audit included', (_, patch) => {
    const contact = aContact();
    expect(decideContactUpdate(contact, patch, ctx)).toEqual({ ok: true, value: contact });
  });
});
