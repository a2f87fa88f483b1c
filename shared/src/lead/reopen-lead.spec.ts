import type { ErrorCode } from '../common/error-codes';
import type { LeadStatus } from './lead';
import { aLeadIn, changeContext, T1 } from './lead.fixtures';
import { decideReopening } from './reopen-lead';

describe('decideReopening', () => {
  it.each<[LeadStatus, LeadStatus | ErrorCode]>([
    ['closed-not-converted', 'working-contacted'],
    ['open-not-contacted', 'LEAD.INVALID_TRANSITION'],
    ['working-contacted', 'LEAD.INVALID_TRANSITION'],
    ['closed-converted', 'LEAD.READ_ONLY'],
  ])('given a lead in %s, when reopened, then it is %s', (from, expected) => {
    const result = decideReopening(aLeadIn(from), changeContext());
    expect(result.ok ? result.value.lead.status : result.error.code).toBe(expected);
  });

  it('given a disqualified lead, when reopened, then the reason is cleared, nobody is told and the audit moves', () => {
    const result = decideReopening(aLeadIn('closed-not-converted'), changeContext());
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.events).toEqual([]);
    expect(result.value.lead).not.toHaveProperty('disqualificationReason');
    expect(result.value.lead).toMatchObject({ updatedAt: T1, updatedBy: 'bob' });
  });
});
