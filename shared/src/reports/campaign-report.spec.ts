import { aCampaign, aLead, anOpportunity } from '../testing/builders';
import { campaignReport } from './campaign-report';

describe('campaignReport', () => {
  it('given campaigns, then one row each with its results, in the given order', () => {
    const a = aCampaign({
      id: 'a',
      name: 'Webinar',
      type: 'webinar',
      status: 'completed',
      actualCost: 100,
      startDate: '2026-01-10',
    });
    const b = aCampaign({ id: 'b', name: 'Feira', type: 'trade-show', currency: 'BRL' });
    const rows = campaignReport(
      [a, b],
      [aLead({ campaignId: 'a', status: 'closed-converted' }), aLead({ campaignId: 'b' })],
      [anOpportunity({ campaignId: 'a', stage: 'closed-won', amount: 300, currency: 'EUR' })],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        campaignId: 'a',
        name: 'Webinar',
        type: 'webinar',
        status: 'completed',
        startDate: '2026-01-10',
      }),
      expect.objectContaining({
        campaignId: 'b',
        name: 'Feira',
        currency: 'BRL',
        leads: 1,
        wonDeals: 0,
        roi: null,
      }),
    ]);
    expect(rows[0]).toMatchObject({
      leads: 1,
      convertedLeads: 1,
      wonDeals: 1,
      wonAmount: { EUR: 300 },
      roi: 2,
    });
  });
});
