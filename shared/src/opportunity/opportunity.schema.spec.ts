import { parseInput } from '../common/validation';
import { OpportunityCreateInputSchema, OpportunityPatchInputSchema } from './opportunity.schema';

const valid = { name: 'Deal', organisationId: 'org-1' };

describe('OpportunityCreateInputSchema', () => {
  it('given a full input, then it parses, upper-casing the currency and dropping blank text', () => {
    const result = parseInput(OpportunityCreateInputSchema, {
      ...valid,
      amount: 10.5,
      currency: 'nok',
      closeDate: '2026-12-31',
      stage: 'needs-analysis',
      probability: 0,
      ownerId: 'user-1',
      primaryContactId: 'con-1',
      leadId: 'lead-1',
      campaignId: 'cmp-1',
      description: '',
      nextStep: ' Call back ',
      lostReason: ' ',
    });
    expect(result.ok && result.value).toEqual({
      ...valid,
      amount: 10.5,
      currency: 'NOK',
      closeDate: '2026-12-31',
      stage: 'needs-analysis',
      probability: 0,
      ownerId: 'user-1',
      primaryContactId: 'con-1',
      leadId: 'lead-1',
      campaignId: 'cmp-1',
      description: undefined,
      nextStep: 'Call back',
      lostReason: '',
    });
  });

  it.each([
    ['name', { organisationId: 'org-1' }],
    ['name', { ...valid, name: '   ' }],
    ['organisationId', { name: 'Deal' }],
    ['amount', { ...valid, amount: -1 }],
    ['amount', { ...valid, amount: '100' }],
    ['currency', { ...valid, currency: 'EURO' }],
    ['closeDate', { ...valid, closeDate: '2026-13-01' }],
    ['closeDate', { ...valid, closeDate: '2026-12-01T00:00:00Z' }],
    ['stage', { ...valid, stage: 'Closed Won' }],
    ['probability', { ...valid, probability: 101 }],
    ['probability', { ...valid, probability: 33.3 }],
    ['(body)', { ...valid, colour: 'red' }],
    ['(body)', { ...valid, reopen: true }],
  ])('given a bad %s, then VALIDATION.FAILED names it', (field, input) => {
    const result = parseInput(OpportunityCreateInputSchema, input);
    expect(!result.ok && result.error.code).toBe('VALIDATION.FAILED');
    expect(!result.ok && Object.keys(result.error.fields ?? {})).toEqual([field]);
  });
});

describe('OpportunityPatchInputSchema', () => {
  it('given an empty patch, then it parses', () => {
    expect(parseInput(OpportunityPatchInputSchema, {}).ok).toBe(true);
  });

  it('given nulls and blanks, then they mean "clear"', () => {
    const result = parseInput(OpportunityPatchInputSchema, {
      amount: null,
      closeDate: null,
      probability: null,
      primaryContactId: null,
      campaignId: null,
      description: ' ',
      nextStep: null,
      lostReason: null,
      reopen: true,
    });
    expect(result.ok && result.value).toMatchObject({
      amount: null,
      probability: null,
      description: null,
      nextStep: null,
    });
  });

  it.each([
    ['name', { name: null }],
    ['organisationId', { organisationId: null }],
    ['stage', { stage: null }],
    ['currency', { currency: null }],
    ['reopen', { reopen: 'yes' }],
    ['(body)', { leadId: 'lead-2' }],
  ])('given %s that cannot be cleared or edited, then VALIDATION.FAILED', (field, input) => {
    const result = parseInput(OpportunityPatchInputSchema, input);
    expect(!result.ok && Object.keys(result.error.fields ?? {})).toEqual([field]);
  });
});
