import { markCustomerOnWin } from './mark-customer-on-win';
import type { OrganisationStatus } from './organisation';
import { anOrganisation, T1 } from './organisation.fixtures';

describe('markCustomerOnWin', () => {
  it.each<[OrganisationStatus, OrganisationStatus | undefined]>([
    ['prospect', 'customer'],
    ['former-customer', 'customer'],
    ['customer', undefined],
    ['partner', undefined],
    ['supplier', undefined],
  ])('given a %s, when a deal is won, then it becomes %s', (status, expected) => {
    const result = markCustomerOnWin(anOrganisation({ status }), { actor: 'bob', now: T1 });
    expect(result?.status).toBe(expected);
    if (result) expect(result).toMatchObject({ updatedAt: T1, updatedBy: 'bob' });
  });
});
