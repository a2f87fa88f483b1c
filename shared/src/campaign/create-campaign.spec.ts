import { decideCampaignCreation, type CreateCampaignContext } from './create-campaign';

const T0 = '2026-02-01T08:00:00.000Z';
const ctx: CreateCampaignContext = {
  id: 'cmp-1',
  workspaceId: 'ws-1',
  actor: 'alice',
  now: T0,
  settings: { defaultCurrency: 'EUR' },
};

describe('decideCampaignCreation', () => {
  it('given a name and type, then it is planned, in the workspace currency, owned by the actor', () => {
    expect(decideCampaignCreation({ name: 'Beurs Utrecht', type: 'trade-show' }, ctx)).toEqual({
      ok: true,
      value: {
        id: 'cmp-1',
        workspaceId: 'ws-1',
        name: 'Beurs Utrecht',
        type: 'trade-show',
        status: 'planned',
        currency: 'EUR',
        ownerId: 'alice',
        createdAt: T0,
        createdBy: 'alice',
        updatedAt: T0,
        updatedBy: 'alice',
      },
    });
  });

  it('given every field, then each is kept', () => {
    const input = {
      name: 'Feira',
      type: 'event' as const,
      status: 'active' as const,
      startDate: '2026-03-01',
      endDate: '2026-03-01',
      currency: 'BRL',
      budgetedCost: 5000,
      actualCost: 4200,
      expectedRevenue: 20_000,
      description: 'São Paulo',
      ownerId: 'bob',
    };
    const result = decideCampaignCreation(input, ctx);
    expect(result.ok && result.value).toMatchObject(input);
  });

  it('given an end date before the start date, then CAMPAIGN.INVALID_DATES', () => {
    const result = decideCampaignCreation(
      { name: 'X', type: 'email', startDate: '2026-03-02', endDate: '2026-03-01' },
      ctx,
    );
    expect(!result.ok && result.error).toMatchObject({
      code: 'CAMPAIGN.INVALID_DATES',
      fields: { endDate: expect.any(String) },
    });
  });
});
