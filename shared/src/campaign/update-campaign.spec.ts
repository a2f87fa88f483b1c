import { aCampaign } from '../testing/builders';
import type { CampaignStatus } from './campaign';
import { CAMPAIGN_STATUSES } from './campaign';
import { decideCampaignUpdate } from './update-campaign';

const ctx = { actor: 'bob', now: '2026-04-01T00:00:00.000Z' };

describe('decideCampaignUpdate: status', () => {
  const allowed: Record<CampaignStatus, CampaignStatus[]> = {
    planned: ['planned', 'active', 'aborted'],
    active: ['active', 'completed', 'aborted'],
    completed: ['completed'],
    aborted: ['aborted'],
  };
  const cases = CAMPAIGN_STATUSES.flatMap((from) =>
    CAMPAIGN_STATUSES.map((to) => [from, to, allowed[from].includes(to)] as const),
  );

  it.each(cases)('given %s → %s, then allowed is %s', (from, to, ok) => {
    const result = decideCampaignUpdate(aCampaign({ status: from }), { status: to }, ctx);
    expect(result.ok ? 'ok' : result.error.code).toBe(ok ? 'ok' : 'CAMPAIGN.INVALID_TRANSITION');
    if (result.ok) expect(result.value.status).toBe(to);
  });
});

describe('decideCampaignUpdate: details', () => {
  it('given a completed campaign, then its actual cost can still be entered (invoices come late)', () => {
    const result = decideCampaignUpdate(aCampaign({ status: 'completed' }), { actualCost: 3100 }, ctx);
    expect(result.ok && result.value).toMatchObject({
      actualCost: 3100,
      updatedAt: ctx.now,
      updatedBy: 'bob',
    });
  });

  it('given null for an optional field, then it is cleared', () => {
    const result = decideCampaignUpdate(
      aCampaign({ budgetedCost: 100, description: 'x' }),
      { budgetedCost: null, description: null },
      ctx,
    );
    expect(result.ok && ('budgetedCost' in result.value || 'description' in result.value)).toBe(false);
  });

  it.each([
    ['a new end date before the start', { startDate: '2026-05-10' }, { endDate: '2026-05-09' }],
    ['a new start date after the end', { endDate: '2026-05-09' }, { startDate: '2026-05-10' }],
  ])('given %s, then CAMPAIGN.INVALID_DATES', (_case, existing, patch) => {
    const result = decideCampaignUpdate(aCampaign(existing), patch, ctx);
    expect(!result.ok && result.error.code).toBe('CAMPAIGN.INVALID_DATES');
  });

  it('given the start date cleared, then an end date alone is fine', () => {
    const result = decideCampaignUpdate(
      aCampaign({ startDate: '2026-05-10', endDate: '2026-05-12' }),
      { startDate: null, endDate: '2026-05-01' },
      ctx,
    );
    expect(result.ok).toBe(true);
  });
});
