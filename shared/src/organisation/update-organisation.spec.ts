import { anOrganisation, T0, T1 } from './organisation.fixtures';
import type { OrganisationPatchInput } from './organisation.schema';
import { decideOrganisationUpdate } from './update-organisation';

describe('decideOrganisationUpdate', () => {
  const ctx = { actor: 'bob', now: T1 };

  it('given new values and a null, then they apply and the audit moves', () => {
    const org = anOrganisation({ website: 'fjordfisk.no', city: 'Bergen' });
    const result = decideOrganisationUpdate(org, { city: 'Ålesund', website: null, status: 'customer' }, ctx);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({
      city: 'Ålesund',
      status: 'customer',
      createdAt: T0,
      updatedAt: T1,
      updatedBy: 'bob',
    });
    expect(result.value).not.toHaveProperty('website');
  });

  it.each<[string, OrganisationPatchInput]>([
    ['an empty patch', {}],
    ['the values it has', { name: 'Fjord Fisk AS', status: 'prospect' }],
    ['null for a field it lacks', { phone: null }],
  ])('given %s, then it comes back unchanged, audit included', (_, patch) => {
    const org = anOrganisation();
    expect(decideOrganisationUpdate(org, patch, ctx)).toEqual({ ok: true, value: org });
  });
});
