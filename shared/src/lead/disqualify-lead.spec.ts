import type { ErrorCode } from '../common/error-codes';
import type { LeadStatus } from './lead';
import { decideDisqualification } from './disqualify-lead';
import { aDisqualifiedLead, aLeadIn, changeContext, T0 } from './lead.fixtures';

describe('decideDisqualification', () => {
  it.each<[LeadStatus, string, LeadStatus | ErrorCode, number]>([
    ['open-not-contacted', 'No budget', 'closed-not-converted', 1],
    ['working-contacted', 'Competitor chosen', 'closed-not-converted', 1],
    ['open-not-contacted', '   ', 'LEAD.REASON_REQUIRED', 0],
    ['closed-not-converted', 'Another reason', 'closed-not-converted', 0],
    ['closed-converted', 'Too late', 'LEAD.READ_ONLY', 0],
  ])(
    'given a lead in %s, when disqualified with %j, then it is %s with %i event(s)',
    (from, reason, expected, events) => {
      const result = decideDisqualification(aLeadIn(from), reason, changeContext());
      expect(result.ok ? result.value.lead.status : result.error.code).toBe(expected);
      expect(result.ok ? result.value.events.map((e) => e.type) : []).toEqual(
        Array<string>(events).fill('lead.disqualified'),
      );
    },
  );

  it('given a disqualified lead, when disqualified again with the same reason (a double-click), then nothing changes', () => {
    const lead = aDisqualifiedLead('No budget');
    expect(decideDisqualification(lead, 'No budget', changeContext())).toEqual({
      ok: true,
      value: { lead, events: [] },
    });
  });

  it('given a disqualified lead, when given a new reason, then only the reason changes', () => {
    const result = decideDisqualification(
      aDisqualifiedLead('No budget'),
      'Bought elsewhere',
      changeContext(),
    );
    expect(result.ok && result.value.lead).toMatchObject({
      disqualificationReason: 'Bought elsewhere',
      disqualifiedAt: T0,
    });
  });
});
