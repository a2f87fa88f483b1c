import { ContactCreateInputSchema } from './contact.schema';
import { T0 } from './contact.fixtures';
import { decideContactCreation } from './create-contact';

describe('decideContactCreation', () => {
  const ctx = { id: 'contact-7', workspaceId: 'ws-1', actor: 'alice', now: T0 };

  it('given the minimum, then it is a customer contact owned by the actor', () => {
    const input = ContactCreateInputSchema.parse({
      organisationId: 'org-1',
      lastName: 'de Vries',
      phone: ' ',
    });
    expect(decideContactCreation(input, ctx)).toEqual({
      ok: true,
      value: {
        id: 'contact-7',
        workspaceId: 'ws-1',
        organisationId: 'org-1',
        lastName: 'de Vries',
        relationship: 'customer',
        isDecisionMaker: false,
        ownerId: 'alice',
        createdAt: T0,
        createdBy: 'alice',
        updatedAt: T0,
        updatedBy: 'alice',
      },
    });
  });

  it('given a relationship, a decision maker and an owner, then they are kept', () => {
    const input = ContactCreateInputSchema.parse({
      organisationId: 'org-1',
      lastName: 'Lima',
      relationship: 'supplier',
      isDecisionMaker: true,
      ownerId: 'bob',
    });
    expect(decideContactCreation(input, ctx)).toMatchObject({
      ok: true,
      value: { relationship: 'supplier', isDecisionMaker: true, ownerId: 'bob' },
    });
  });
});
