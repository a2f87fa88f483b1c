import { aLead } from '../testing/builders';
import { conversionReport } from './conversion-report';

const leads = [
  aLead({ source: 'web', campaignId: 'cmp-1', ownerId: 'ana', status: 'closed-converted' }),
  aLead({ source: 'web', campaignId: 'cmp-1', ownerId: 'ana', status: 'closed-not-converted' }),
  aLead({ source: 'web', ownerId: 'bo', status: 'working-contacted' }),
  aLead({ source: 'web', ownerId: 'bo', status: 'open-not-contacted' }),
  aLead({ source: 'trade-show', campaignId: 'cmp-2', ownerId: 'bo', status: 'closed-converted' }),
];

describe('conversionReport', () => {
  it('given leads by source, then counts each outcome and rates converted / all leads', () => {
    expect(conversionReport(leads, 'source')).toEqual([
      { key: 'web', leads: 4, converted: 1, disqualified: 1, open: 2, conversionRate: 0.25 },
      { key: 'trade-show', leads: 1, converted: 1, disqualified: 0, open: 0, conversionRate: 1 },
    ]);
  });

  it('given leads by campaign, then leads without one share the null key', () => {
    expect(conversionReport(leads, 'campaign').map((r) => [r.key, r.leads, r.conversionRate])).toEqual([
      ['cmp-1', 2, 0.5],
      [null, 2, 0],
      ['cmp-2', 1, 1],
    ]);
  });

  it('given leads by owner, then one row per owner, biggest first', () => {
    expect(conversionReport(leads, 'owner').map((r) => [r.key, r.leads, r.converted])).toEqual([
      ['bo', 3, 1],
      ['ana', 2, 1],
    ]);
  });

  it('given no leads, then no rows', () => {
    expect(conversionReport([], 'source')).toEqual([]);
  });
});
