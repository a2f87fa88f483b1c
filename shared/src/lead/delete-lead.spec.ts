import { aLead } from '../testing/builders';
import { ensureLeadDeletable } from './delete-lead';

describe('ensureLeadDeletable', () => {
  it.each([
    ['open-not-contacted', true],
    ['working-contacted', true],
    ['closed-not-converted', true],
    ['closed-converted', false],
  ] as const)('given a %s lead, then deletable is %s', (status, deletable) => {
    const result = ensureLeadDeletable(aLead({ status }));
    expect(result.ok).toBe(deletable);
    if (!result.ok) expect(result.error.code).toBe('LEAD.READ_ONLY');
  });
});
