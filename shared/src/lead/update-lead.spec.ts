import type { ErrorCode } from '../common/error-codes';
import type { LeadStatus } from './lead';
import { aDisqualifiedLead, aLeadIn, anOpenLead, changeContext, T1 } from './lead.fixtures';
import type { LeadPatchInput } from './lead.schema';
import { decideLeadUpdate } from './update-lead';

const outcome = (result: ReturnType<typeof decideLeadUpdate>) =>
  result.ok ? result.value.lead.status : result.error.code;

describe('decideLeadUpdate: status moves', () => {
  it.each<[LeadStatus, LeadPatchInput, LeadStatus | ErrorCode, number]>([
    ['open-not-contacted', { status: 'working-contacted' }, 'working-contacted', 0],
    [
      'open-not-contacted',
      { status: 'closed-not-converted', disqualificationReason: 'No budget' },
      'closed-not-converted',
      1,
    ],
    ['open-not-contacted', { status: 'closed-not-converted' }, 'LEAD.REASON_REQUIRED', 0],
    [
      'open-not-contacted',
      { status: 'closed-not-converted', disqualificationReason: '  ' },
      'LEAD.REASON_REQUIRED',
      0,
    ],
    ['open-not-contacted', { status: 'closed-converted' }, 'LEAD.USE_CONVERT', 0],
    ['open-not-contacted', { disqualificationReason: 'Why' }, 'VALIDATION.FAILED', 0],
    ['working-contacted', { status: 'open-not-contacted' }, 'open-not-contacted', 0],
    [
      'working-contacted',
      { status: 'closed-not-converted', disqualificationReason: 'Competitor' },
      'closed-not-converted',
      1,
    ],
    ['working-contacted', { status: 'closed-converted' }, 'LEAD.USE_CONVERT', 0],
    ['closed-not-converted', { status: 'working-contacted' }, 'working-contacted', 0],
    ['closed-not-converted', { status: 'open-not-contacted' }, 'LEAD.INVALID_TRANSITION', 0],
    ['closed-not-converted', { status: 'closed-converted' }, 'LEAD.INVALID_TRANSITION', 0],
    [
      'closed-not-converted',
      { status: 'working-contacted', disqualificationReason: 'x' },
      'VALIDATION.FAILED',
      0,
    ],
    ['closed-not-converted', { disqualificationReason: 'Bought elsewhere' }, 'closed-not-converted', 0],
    ['closed-not-converted', { disqualificationReason: '' }, 'LEAD.REASON_REQUIRED', 0],
    ['closed-converted', {}, 'LEAD.READ_ONLY', 0],
    ['closed-converted', { title: 'CEO' }, 'LEAD.READ_ONLY', 0],
    ['closed-converted', { status: 'working-contacted' }, 'LEAD.READ_ONLY', 0],
  ])(
    'given a lead in %s, when patched with %j, then it is %s with %i event(s)',
    (from, patch, expected, events) => {
      const result = decideLeadUpdate(aLeadIn(from), patch, changeContext());
      expect(outcome(result)).toBe(expected);
      expect(result.ok ? result.value.events.length : 0).toBe(events);
    },
  );

  it('given an open lead, when disqualified by patch, then it keeps the reason and tells the channel', () => {
    const result = decideLeadUpdate(
      anOpenLead(),
      { status: 'closed-not-converted', disqualificationReason: ' No budget ' },
      changeContext(),
    );
    expect(result.ok && result.value).toEqual({
      lead: expect.objectContaining({
        status: 'closed-not-converted',
        disqualificationReason: 'No budget',
        disqualifiedAt: T1,
        updatedAt: T1,
        updatedBy: 'bob',
      }),
      events: [
        {
          id: 'evt-1',
          type: 'lead.disqualified',
          workspaceId: 'ws-1',
          occurredAt: T1,
          actorId: 'bob',
          data: { leadId: 'lead-1', leadName: 'Ingrid Hansen', reason: 'No budget' },
        },
      ],
    });
  });

  it('given a disqualified lead, when reopened by patch, then its reason and disqualification time are gone', () => {
    const result = decideLeadUpdate(aDisqualifiedLead(), { status: 'working-contacted' }, changeContext());
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.lead).not.toHaveProperty('disqualificationReason');
    expect(result.value.lead).not.toHaveProperty('disqualifiedAt');
  });

  it('given a disqualified lead, when only its reason changes, then it keeps its disqualification time', () => {
    const lead = aDisqualifiedLead('No budget');
    const result = decideLeadUpdate(lead, { disqualificationReason: 'Bought elsewhere' }, changeContext());
    expect(result.ok && result.value.lead).toMatchObject({
      disqualificationReason: 'Bought elsewhere',
      disqualifiedAt: lead.disqualifiedAt,
      updatedAt: T1,
    });
  });
});

describe('decideLeadUpdate: details', () => {
  it('given a patch with new values, null and a partial qualification, then they apply and the audit moves', () => {
    const lead = anOpenLead({ email: 'ingrid@fjordfisk.no', qualification: { need: true } });
    const result = decideLeadUpdate(
      lead,
      { title: 'CEO', email: null, qualification: { budget: true } },
      changeContext(),
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.lead).toMatchObject({
      title: 'CEO',
      qualification: { budget: true, authority: false, need: true, timeline: false },
      status: 'open-not-contacted',
      createdAt: lead.createdAt,
      updatedAt: T1,
      updatedBy: 'bob',
    });
    expect(result.value.lead).not.toHaveProperty('email');
    expect(result.value.events).toEqual([]);
  });

  it.each<[string, LeadPatchInput]>([
    ['an empty patch', {}],
    ['the values it has', { lastName: 'Hansen', company: 'Fjord Fisk AS', status: 'open-not-contacted' }],
    ['a null for a field it lacks', { phone: null }],
    ['criteria it already has', { qualification: { budget: false } }],
  ])('given %s, then the lead comes back unchanged, audit included', (_, patch) => {
    const lead = anOpenLead();
    const result = decideLeadUpdate(lead, patch, changeContext());
    expect(result).toEqual({ ok: true, value: { lead, events: [] } });
  });

  it('given a disqualified lead, when its details change, then it stays disqualified with its reason', () => {
    const result = decideLeadUpdate(aDisqualifiedLead('No budget'), { phone: '+47 1' }, changeContext());
    expect(result.ok && result.value.lead).toMatchObject({
      status: 'closed-not-converted',
      disqualificationReason: 'No budget',
      phone: '+47 1',
    });
  });
});
