import { aCampaign, aLead, anOpportunity } from '../testing/builders';
import { campaignResults } from './campaign-report';

const campaign = aCampaign({ id: 'cmp-1', currency: 'EUR', actualCost: 1000 });
const leads = [
  aLead({ id: 'l1', campaignId: 'cmp-1', status: 'closed-converted' }),
  aLead({ id: 'l2', campaignId: 'cmp-1', status: 'working-contacted' }),
  aLead({ id: 'l3', campaignId: 'cmp-1', status: 'closed-not-converted' }),
  aLead({ id: 'l4', campaignId: 'cmp-2', status: 'closed-converted' }),
  aLead({ id: 'l5', status: 'closed-converted' }),
];
const won = (o: Parameters<typeof anOpportunity>[0]) => anOpportunity({ stage: 'closed-won', ...o });
const opportunities = [
  won({ campaignId: 'cmp-1', amount: 2500, currency: 'EUR' }),
  won({ campaignId: 'cmp-1', amount: 0.1, currency: 'EUR' }),
  won({ campaignId: 'cmp-1', amount: 0.2, currency: 'EUR' }),
  won({ campaignId: 'cmp-1', amount: 9000, currency: 'NOK' }),
  // Came from the campaign's lead but names no campaign (it was cleared): counts for none. A deal
  // created from a lead names the lead's campaign unless told otherwise (createOpportunity).
  won({ leadId: 'l1', amount: 500, currency: 'EUR' }),
  // Came from the campaign's lead but names another campaign: the named one wins.
  won({ leadId: 'l1', campaignId: 'cmp-2', amount: 7000, currency: 'EUR' }),
  anOpportunity({ campaignId: 'cmp-1', stage: 'proposal', amount: 4000 }),
  anOpportunity({ campaignId: 'cmp-1', stage: 'closed-lost', lostReason: 'Price', amount: 4000 }),
  won({ amount: 8000 }),
];

describe('campaignResults', () => {
  it('given leads and deals of several campaigns, then it counts only this one and keeps currencies apart', () => {
    expect(campaignResults(campaign, leads, opportunities)).toEqual({
      campaignId: 'cmp-1',
      currency: 'EUR',
      leads: 3,
      convertedLeads: 1,
      opportunities: 6,
      wonDeals: 4,
      wonAmount: { EUR: 2500.3, NOK: 9000 },
      actualCost: 1000,
      roi: (2500.3 - 1000) / 1000,
    });
  });

  it.each([
    ['no actual cost', undefined, null],
    ['a cost of zero', 0, null],
    ['a cost above the return', 6000, (2500.3 - 6000) / 6000],
  ])('given %s, then ROI is %s', (_case, actualCost, roi) => {
    const result = campaignResults(
      aCampaign({ id: 'cmp-1', currency: 'EUR', actualCost }),
      leads,
      opportunities,
    );
    expect(result.roi).toBe(roi);
  });

  it('given won deals only in another currency, then ROI counts nothing won: -100%', () => {
    const result = campaignResults(
      aCampaign({ id: 'cmp-1', currency: 'SEK', actualCost: 100 }),
      leads,
      opportunities,
    );
    expect(result.roi).toBe(-1);
    expect(result.wonAmount).not.toHaveProperty('SEK');
  });

  it('given nothing for the campaign, then zeros and empty totals', () => {
    expect(campaignResults(aCampaign({ id: 'empty' }), leads, opportunities)).toMatchObject({
      leads: 0,
      convertedLeads: 0,
      opportunities: 0,
      wonDeals: 0,
      wonAmount: {},
      actualCost: null,
      roi: null,
    });
  });
});
