import type { ErrorCode } from '../common/error-codes';
import type { Contact } from '../contact/contact';
import { DEFAULT_STAGES } from '../opportunity/stage';
import type { Organisation } from '../organisation/organisation';
import type { WorkspaceSettings } from '../workspace/workspace';
import { convertLead, type ConversionContext } from './convert-lead';
import type { Lead } from './lead';
import { aConvertedLead, aDisqualifiedLead, anOpenLead, aWorkingLead, T0, T1, WS } from './lead.fixtures';
import { ConvertLeadInputSchema } from './lead.schema';

const settings: WorkspaceSettings = { defaultCurrency: 'EUR', stages: DEFAULT_STAGES, staleAfterDays: 14 };
const ids = {
  organisation: 'org-new',
  contact: 'contact-new',
  opportunity: 'opp-new',
  stageChange: 'sc-new',
  event: 'evt-new',
};
const audit = { createdAt: T0, createdBy: 'alice', updatedAt: T0, updatedBy: 'alice' };

const anOrganisation = (overrides: Partial<Organisation> = {}): Organisation => ({
  id: 'org-1',
  workspaceId: WS,
  name: 'Fjord Fisk',
  status: 'prospect',
  ownerId: 'carol',
  ...audit,
  ...overrides,
});

const aContact = (overrides: Partial<Contact> = {}): Contact => ({
  id: 'contact-1',
  workspaceId: WS,
  organisationId: 'org-1',
  lastName: 'Hansen',
  relationship: 'customer',
  isDecisionMaker: false,
  ownerId: 'carol',
  ...audit,
  ...overrides,
});

const aLead = (): Lead =>
  anOpenLead({
    email: 'ingrid@fjordfisk.no',
    phone: '+47 22 00 00 00',
    title: 'Innkjøpssjef',
    website: 'https://fjordfisk.no',
    industry: 'Seafood',
    campaignId: 'camp-1',
    ownerId: 'dave',
    qualification: { authority: true },
  });

function convert(input: unknown = {}, ctx: Partial<ConversionContext> = {}) {
  return convertLead(ConvertLeadInputSchema.parse(input), {
    lead: aLead(),
    settings,
    ids,
    actor: 'bob',
    now: T1,
    ...ctx,
  });
}

const codeOf = (result: ReturnType<typeof convertLead>) => (result.ok ? 'ok' : result.error.code);

describe('convertLead: a lead with nothing chosen', () => {
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

describe('convertLead: choices', () => {
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

describe('convertLead: into existing records', () => {
  it('given an organisation with empty fields, then only those are filled and it is marked changed', () => {
    const org = anOrganisation({ industry: 'Fish' });
    const result = convert({ organisationId: 'org-1' }, { existingOrganisation: org });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.organisation).toEqual({
      created: false,
      changed: true,
      record: { ...org, website: 'https://fjordfisk.no', updatedAt: T1, updatedBy: 'bob' },
    });
    expect(result.value.contact.record.organisationId).toBe('org-1');
    expect(result.value.opportunity?.record.name).toBe('Fjord Fisk \u2013 2026-03-03');
  });

  it('given an organisation with every field the lead has, then it is left exactly as it was', () => {
    const org = anOrganisation({ website: 'https://www.fjordfisk.no', industry: 'Fish' });
    const result = convert({ organisationId: 'org-1' }, { existingOrganisation: org });
    expect(result.ok && result.value.organisation).toEqual({ created: false, changed: false, record: org });
  });

  it('given a contact of the organisation, then its empty fields are filled and the rest kept', () => {
    const contact = aContact({ firstName: 'Inga', phone: '+47 99' });
    const result = convert(
      { organisationId: 'org-1', contactId: 'contact-1' },
      { existingOrganisation: anOrganisation(), existingContact: contact },
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.contact).toEqual({
      created: false,
      changed: true,
      record: {
        ...contact,
        email: 'ingrid@fjordfisk.no',
        title: 'Innkjøpssjef',
        updatedAt: T1,
        updatedBy: 'bob',
      },
    });
    expect(result.value.lead.convertedContactId).toBe('contact-1');
    expect(result.value.opportunity?.record.primaryContactId).toBe('contact-1');
  });

  it.each<[string, unknown, Partial<ConversionContext>, ErrorCode]>([
    [
      'a contact of another organisation',
      { contactId: 'contact-1' },
      { existingOrganisation: anOrganisation({ id: 'org-2' }), existingContact: aContact() },
      'CONVERSION.CONTACT_NOT_IN_ORGANISATION',
    ],
    [
      'a contact but a new organisation',
      { contactId: 'contact-1' },
      { existingContact: aContact() },
      'CONVERSION.CONTACT_NOT_IN_ORGANISATION',
    ],
    [
      'an organisation id without the record',
      { organisationId: 'org-1' },
      {},
      'CONVERSION.ORGANISATION_NOT_FOUND',
    ],
    [
      'an organisation id of another record',
      { organisationId: 'org-1' },
      { existingOrganisation: anOrganisation({ id: 'org-2' }) },
      'CONVERSION.ORGANISATION_NOT_FOUND',
    ],
    [
      'an organisation of another workspace',
      {},
      { existingOrganisation: anOrganisation({ workspaceId: 'ws-2' }) },
      'CONVERSION.ORGANISATION_NOT_FOUND',
    ],
    [
      'a contact id without the record',
      { organisationId: 'org-1', contactId: 'contact-1' },
      { existingOrganisation: anOrganisation() },
      'CONVERSION.CONTACT_NOT_FOUND',
    ],
    [
      'a contact of another workspace',
      {},
      { existingOrganisation: anOrganisation(), existingContact: aContact({ workspaceId: 'ws-2' }) },
      'CONVERSION.CONTACT_NOT_FOUND',
    ],
  ])('given %s, then it fails', (_, input, ctx, code) => {
    expect(codeOf(convert(input, ctx))).toBe(code);
  });
});

describe('convertLead: refusals', () => {
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

describe('convertLead: straight into a won deal', () => {
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
