import { decideOrganisationCreation } from './create-organisation';
import { T0 } from './organisation.fixtures';
import { OrganisationCreateInputSchema } from './organisation.schema';

describe('decideOrganisationCreation', () => {
  const ctx = { id: 'org-7', workspaceId: 'ws-1', actor: 'alice', now: T0 };

  it('given a name, then it is a prospect owned by the actor', () => {
    expect(
      decideOrganisationCreation(
        OrganisationCreateInputSchema.parse({ name: 'Exemplo Lda', website: '' }),
        ctx,
      ),
    ).toEqual({
      ok: true,
      value: {
        id: 'org-7',
        workspaceId: 'ws-1',
        name: 'Exemplo Lda',
        status: 'prospect',
        ownerId: 'alice',
        createdAt: T0,
        createdBy: 'alice',
        updatedAt: T0,
        updatedBy: 'alice',
      },
    });
  });

  it('given a status, an owner and details, then they are kept', () => {
    const input = OrganisationCreateInputSchema.parse({
      name: 'Bakkerij de Vries B.V.',
      status: 'supplier',
      ownerId: 'bob',
      size: '11-50',
      city: 'Utrecht',
    });
    expect(decideOrganisationCreation(input, ctx)).toMatchObject({
      ok: true,
      value: { status: 'supplier', ownerId: 'bob', size: '11-50', city: 'Utrecht' },
    });
  });
});
