import { parseInput } from '../common/validation';
import {
  ConvertLeadInputSchema,
  DisqualifyInputSchema,
  LeadCreateInputSchema,
  LeadPatchInputSchema,
} from './lead.schema';

const fieldsOf = (result: ReturnType<typeof parseInput>) => (result.ok ? undefined : result.error.fields);

describe('LeadCreateInputSchema', () => {
  it('given only a last name, then source defaults to other and nothing else is set', () => {
    expect(LeadCreateInputSchema.parse({ lastName: ' Hansen ' })).toEqual({
      lastName: 'Hansen',
      source: 'other',
    });
  });

  it('given blank optional fields (as forms send them), then they are absent', () => {
    const parsed = LeadCreateInputSchema.parse({
      lastName: 'Hansen',
      firstName: ' ',
      email: '',
      company: '',
    });
    expect(Object.entries(parsed).filter(([, v]) => v !== undefined)).toEqual([
      ['lastName', 'Hansen'],
      ['source', 'other'],
    ]);
  });

  it('given a full lead, then it parses', () => {
    const input = {
      firstName: 'Ingrid',
      lastName: 'Hansen',
      email: 'ingrid@fjordfisk.no',
      phone: '+47 22 00 00 00',
      title: 'Innkjøpssjef',
      company: 'Fjord Fisk AS',
      website: 'fjordfisk.no',
      industry: 'Seafood',
      description: 'Met at Nor-Fishing',
      source: 'trade-show',
      campaignId: 'camp-1',
      ownerId: 'bob',
      qualification: { budget: true, notes: 'Q3 budget' },
      status: 'working-contacted',
    };
    expect(LeadCreateInputSchema.parse(input)).toEqual(input);
  });

  it.each([
    ['no last name', {}, 'lastName'],
    ['a blank last name', { lastName: '  ' }, 'lastName'],
    ['an unknown key', { lastName: 'H', nickname: 'x' }, '(body)'],
    ['an unknown source', { lastName: 'H', source: 'billboard' }, 'source'],
    ['a closed status', { lastName: 'H', status: 'closed-converted' }, 'status'],
    ['a bad email', { lastName: 'H', email: 'not-an-email' }, 'email'],
    ['an unknown qualification key', { lastName: 'H', qualification: { money: true } }, 'qualification'],
    ['a bad campaign id', { lastName: 'H', campaignId: 'a/b' }, 'campaignId'],
  ])('given %s, then it is rejected on that field', (_, input, field) => {
    expect(Object.keys(fieldsOf(parseInput(LeadCreateInputSchema, input)) ?? {})).toContain(field);
  });
});

describe('LeadPatchInputSchema', () => {
  it('given null or blank optional fields, then they parse as null (clear)', () => {
    expect(LeadPatchInputSchema.parse({ email: null, phone: ' ', campaignId: null })).toEqual({
      email: null,
      phone: null,
      campaignId: null,
    });
  });

  it.each([
    ['a null last name', { lastName: null }, 'lastName'],
    ['a null owner', { ownerId: null }, 'ownerId'],
    ['an unknown status', { status: 'won' }, 'status'],
    ['an unknown key', { id: 'lead-2' }, '(body)'],
  ])('given %s, then it is rejected', (_, input, field) => {
    expect(Object.keys(fieldsOf(parseInput(LeadPatchInputSchema, input)) ?? {})).toContain(field);
  });

  it('given any status and a reason, then they parse (the rule judges the move)', () => {
    expect(LeadPatchInputSchema.parse({ status: 'closed-converted', disqualificationReason: ' x ' })).toEqual(
      {
        status: 'closed-converted',
        disqualificationReason: 'x',
      },
    );
  });
});

describe('DisqualifyInputSchema', () => {
  it('given a blank reason, then it passes trimmed (the rule answers LEAD.REASON_REQUIRED)', () => {
    expect(DisqualifyInputSchema.parse({ reason: '  ' })).toEqual({ reason: '' });
  });

  it.each([[{}], [{ reason: 'x', extra: 1 }], [{ reason: 3 }]])('given %j, then it is rejected', (input) => {
    expect(DisqualifyInputSchema.safeParse(input).success).toBe(false);
  });
});

describe('ConvertLeadInputSchema', () => {
  it('given nothing, then an opportunity is created by default', () => {
    expect(ConvertLeadInputSchema.parse({})).toEqual({ createOpportunity: true });
  });

  it('given a qualification, then it is read as an update’s: blank notes clear', () => {
    expect(ConvertLeadInputSchema.parse({ qualification: { budget: true, notes: ' ' } })).toEqual({
      createOpportunity: true,
      qualification: { budget: true, notes: null },
    });
  });

  it('given opportunity details, then currency is upper-cased and dates checked', () => {
    expect(
      ConvertLeadInputSchema.parse({
        opportunity: { amount: 1200, currency: 'nok', closeDate: '2026-06-30', stage: 'proposal' },
      }),
    ).toEqual({
      createOpportunity: true,
      opportunity: { amount: 1200, currency: 'NOK', closeDate: '2026-06-30', stage: 'proposal' },
    });
  });

  it.each([
    ['an unknown key', { merge: true }, '(body)'],
    ['an unknown opportunity key', { opportunity: { probability: 10 } }, 'opportunity'],
    ['a bad close date', { opportunity: { closeDate: '30/06/2026' } }, 'opportunity.closeDate'],
    ['a negative amount', { opportunity: { amount: -1 } }, 'opportunity.amount'],
    ['a bad stage id', { opportunity: { stage: 'Closed Won' } }, 'opportunity.stage'],
    ['a criterion that is not a yes/no', { qualification: { budget: 'yes' } }, 'qualification.budget'],
    ['an unknown criterion', { qualification: { fit: true } }, 'qualification'],
    ['qualification notes too long', { qualification: { notes: 'x'.repeat(2001) } }, 'qualification.notes'],
    [
      'opportunity details without an opportunity',
      { createOpportunity: false, opportunity: { name: 'X' } },
      'opportunity',
    ],
  ])('given %s, then it is rejected', (_, input, field) => {
    expect(Object.keys(fieldsOf(parseInput(ConvertLeadInputSchema, input)) ?? {})).toContain(field);
  });
});
