import type { ErrorCode } from '../common/error-codes';
import { DEFAULT_STAGES } from '../opportunity/stage';
import type { ConversionContext } from './convert-lead';
import { anOrganisation, codeOf, convert, settings } from './conversion.fixtures';
import { aConvertedLead, aDisqualifiedLead, anOpenLead, aWorkingLead, T0, T1, WS } from './lead.fixtures';

describe('decideConversion: a lead with nothing chosen', () => {
  const result = convert();
  if (!result.ok) throw new Error(result.error.code);
  const c = result.value;

  it('then a prospect organisation is made from the company data, owned by the lead owner', () => {
    expect(c.organisation).toEqual({
      created: true,
      changed: false,
      record: {
        id: 'org-new',
        workspaceId: WS,
        name: 'Fjord Fisk AS',
        website: 'https://fjordfisk.no',
        industry: 'Seafood',
        status: 'prospect',
        ownerId: 'dave',
        createdAt: T1,
        createdBy: 'bob',
        updatedAt: T1,
        updatedBy: 'bob',
      },
    });
  });

  it('then a customer contact is made from the person data, decision maker when the lead had authority', () => {
    expect(c.contact).toEqual({
      created: true,
      changed: false,
      record: {
        id: 'contact-new',
        workspaceId: WS,
        organisationId: 'org-new',
        firstName: 'Ingrid',
        lastName: 'Hansen',
        email: 'ingrid@fjordfisk.no',
        phone: '+47 22 00 00 00',
        title: 'Innkjøpssjef',
        relationship: 'customer',
        isDecisionMaker: true,
        ownerId: 'dave',
        createdAt: T1,
        createdBy: 'bob',
        updatedAt: T1,
        updatedBy: 'bob',
      },
    });
  });

  it('then an opportunity in the first open stage links organisation, contact, lead and campaign', () => {
    expect(c.opportunity?.record).toMatchObject({
      id: 'opp-new',
      name: 'Fjord Fisk AS \u2013 2026-03-03',
      organisationId: 'org-new',
      primaryContactId: 'contact-new',
      leadId: 'lead-1',
      campaignId: 'camp-1',
      ownerId: 'dave',
      currency: 'EUR',
      stage: 'prospecting',
    });
    expect(c.opportunity?.stageChange).toEqual({
      id: 'sc-new',
      opportunityId: 'opp-new',
      to: 'prospecting',
      by: 'bob',
      at: T1,
    });
  });

  it('then the lead is closed-converted with when, who and the ids it produced', () => {
    expect(c.lead).toMatchObject({
      status: 'closed-converted',
      convertedAt: T1,
      convertedBy: 'bob',
      convertedOrganisationId: 'org-new',
      convertedContactId: 'contact-new',
      convertedOpportunityId: 'opp-new',
      updatedAt: T1,
      updatedBy: 'bob',
      createdAt: T0,
    });
  });

  it('then the channel hears lead.converted, once', () => {
    expect(c.events).toEqual([
      {
        id: 'evt-new',
        type: 'lead.converted',
        workspaceId: WS,
        occurredAt: T1,
        actorId: 'bob',
        data: {
          leadId: 'lead-1',
          leadName: 'Ingrid Hansen',
          organisationId: 'org-new',
          organisationName: 'Fjord Fisk AS',
          contactId: 'contact-new',
          opportunityId: 'opp-new',
        },
      },
    ]);
  });
});

describe('decideConversion: choices', () => {
  it('given a lead without a company, then the organisation takes the person’s name', () => {
    const result = convert({}, { lead: anOpenLead({ company: '' }) });
    expect(result.ok && result.value.organisation.record.name).toBe('Ingrid Hansen');
  });

  it('given createOpportunity false, then there is no opportunity and the lead names none', () => {
    const result = convert({ createOpportunity: false });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.opportunity).toBeUndefined();
    expect(result.value.lead).not.toHaveProperty('convertedOpportunityId');
    expect(result.value.events[0]?.data).not.toHaveProperty('opportunityId');
  });

  it('given opportunity details, then they win over the defaults', () => {
    const result = convert({
      opportunity: {
        name: 'Pilot',
        amount: 5000,
        currency: 'nok',
        closeDate: '2026-06-30',
        stage: 'proposal',
      },
    });
    expect(result.ok && result.value.opportunity?.record).toMatchObject({
      name: 'Pilot',
      amount: 5000,
      currency: 'NOK',
      closeDate: '2026-06-30',
      stage: 'proposal',
      probability: 75,
    });
  });

  it('given a workspace in NOK with its own first stage, then those are the defaults', () => {
    const stages = [
      { id: 'first-call', probability: 5, forecastCategory: 'pipeline', kind: 'open' } as const,
      ...DEFAULT_STAGES,
    ];
    const result = convert({}, { settings: { ...settings, defaultCurrency: 'NOK', stages } });
    expect(result.ok && result.value.opportunity?.record).toMatchObject({
      currency: 'NOK',
      stage: 'first-call',
    });
  });

  it('given an unqualified working lead, then it converts anyway: qualification is advice', () => {
    expect(codeOf(convert({}, { lead: aWorkingLead() }))).toBe('ok');
  });
});

describe('decideConversion: qualified in the same step', () => {
  it('given a qualification, then the converted lead carries it merged: criteria left out keep their value', () => {
    const result = convert({ qualification: { budget: true, notes: 'Budget signed off' } });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.lead.qualification).toEqual({
      budget: true,
      authority: true,
      need: false,
      timeline: false,
      notes: 'Budget signed off',
    });
  });

  it('given authority ticked on a lead without it, then the contact made from the lead is a decision maker', () => {
    const lead = anOpenLead({ email: 'ingrid@fjordfisk.no' });
    expect(lead.qualification.authority).toBe(false);
    const unqualified = convert({}, { lead });
    const qualified = convert({ qualification: { authority: true } }, { lead });
    expect(unqualified.ok && unqualified.value.contact.record.isDecisionMaker).toBe(false);
    expect(qualified.ok && qualified.value.contact.record.isDecisionMaker).toBe(true);
  });

  it('given notes null, then the lead’s notes are cleared as an update would', () => {
    const lead = anOpenLead({ qualification: { need: true, notes: 'old' } });
    const result = convert({ qualification: { notes: null } }, { lead });
    expect(result.ok && result.value.lead.qualification).toEqual({
      budget: false,
      authority: false,
      need: true,
      timeline: false,
    });
  });

  it('given a qualification for a lead that cannot be converted, then it fails as without one', () => {
    const input = { qualification: { budget: true } };
    expect(codeOf(convert(input, { lead: aConvertedLead() }))).toBe('LEAD.ALREADY_CONVERTED');
    expect(codeOf(convert(input, { lead: aDisqualifiedLead() }))).toBe('LEAD.INVALID_TRANSITION');
  });
});

describe('decideConversion: refusals', () => {
  it.each<[string, Partial<ConversionContext>, unknown, ErrorCode]>([
    ['an already converted lead', { lead: aConvertedLead() }, {}, 'LEAD.ALREADY_CONVERTED'],
    ['a disqualified lead (reopen first)', { lead: aDisqualifiedLead() }, {}, 'LEAD.INVALID_TRANSITION'],
    ['an unknown stage', {}, { opportunity: { stage: 'signed' } }, 'OPPORTUNITY.UNKNOWN_STAGE'],
    [
      'closed-lost, which needs a reason',
      {},
      { opportunity: { stage: 'closed-lost' } },
      'OPPORTUNITY.LOST_REASON_REQUIRED',
    ],
  ])('given %s, then it fails', (_, ctx, input, code) => {
    expect(codeOf(convert(input, ctx))).toBe(code);
  });
});

describe('decideConversion: straight into a won deal', () => {
  it('given a new organisation, then it is created as a customer and the win is announced', () => {
    const result = convert({ opportunity: { stage: 'closed-won', amount: 900 } });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.organisation).toMatchObject({
      created: true,
      changed: false,
      record: { status: 'customer' },
    });
    expect(result.value.events.map((e) => [e.type, e.id])).toEqual([
      ['lead.converted', 'evt-new'],
      ['opportunity.won', 'evt-new-1'],
    ]);
  });

  it('given an existing prospect, then it becomes a customer and is marked changed', () => {
    const org = anOrganisation({ website: 'x', industry: 'y' });
    const result = convert(
      { organisationId: 'org-1', opportunity: { stage: 'closed-won' } },
      { existingOrganisation: org },
    );
    expect(result.ok && result.value.organisation).toMatchObject({
      created: false,
      changed: true,
      record: { status: 'customer' },
    });
  });
});
