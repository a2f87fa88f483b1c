import { parseInput } from '../common/validation';
import { CampaignCreateInputSchema, CampaignPatchInputSchema } from './campaign.schema';

describe('CampaignCreateInputSchema', () => {
  it('given a name and type, then it parses; currency is upper-cased and blank text dropped', () => {
    const result = parseInput(CampaignCreateInputSchema, {
      name: 'Webinar',
      type: 'webinar',
      currency: 'brl',
      description: ' ',
    });
    expect(result.ok && result.value).toEqual({
      name: 'Webinar',
      type: 'webinar',
      currency: 'BRL',
      description: undefined,
    });
  });

  it.each([
    ['name', { type: 'webinar' }],
    ['type', { name: 'X' }],
    ['type', { name: 'X', type: 'podcast' }],
    ['status', { name: 'X', type: 'email', status: 'running' }],
    ['startDate', { name: 'X', type: 'email', startDate: '01-02-2026' }],
    ['actualCost', { name: 'X', type: 'email', actualCost: -5 }],
    ['(body)', { name: 'X', type: 'email', roi: 2 }],
  ])('given a bad %s, then VALIDATION.FAILED names it', (field, input) => {
    const result = parseInput(CampaignCreateInputSchema, input);
    expect(!result.ok && Object.keys(result.error.fields ?? {})).toEqual([field]);
  });
});

describe('CampaignPatchInputSchema', () => {
  it('given nulls for optional fields, then they parse as "clear"', () => {
    const input = {
      startDate: null,
      endDate: null,
      budgetedCost: null,
      actualCost: null,
      expectedRevenue: null,
      description: null,
    };
    expect(parseInput(CampaignPatchInputSchema, input)).toEqual({ ok: true, value: input });
  });

  it.each([
    ['name', { name: null }],
    ['status', { status: null }],
    ['(body)', { workspaceId: 'ws-2' }],
  ])('given %s that cannot be cleared or set, then VALIDATION.FAILED', (field, input) => {
    const result = parseInput(CampaignPatchInputSchema, input);
    expect(!result.ok && Object.keys(result.error.fields ?? {})).toEqual([field]);
  });
});
