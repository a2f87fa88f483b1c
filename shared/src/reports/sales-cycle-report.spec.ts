import { anOpportunity } from '../testing/builders';
import { salesCycleReport } from './sales-cycle-report';

describe('salesCycleReport', () => {
  it('given won deals, then the mean days from creation to win, lost and open ones ignored', () => {
    const deals = [
      anOpportunity({
        stage: 'closed-won',
        createdAt: '2026-01-01T00:00:00.000Z',
        closedAt: '2026-01-11T00:00:00.000Z',
      }),
      anOpportunity({
        stage: 'closed-won',
        createdAt: '2026-01-01T00:00:00.000Z',
        closedAt: '2026-01-21T12:00:00.000Z',
      }),
      anOpportunity({
        stage: 'closed-lost',
        createdAt: '2026-01-01T00:00:00.000Z',
        closedAt: '2026-06-01T00:00:00.000Z',
      }),
      anOpportunity({ stage: 'proposal', createdAt: '2025-01-01T00:00:00.000Z' }),
    ];
    expect(salesCycleReport(deals)).toEqual({ wonDeals: 2, averageDays: 15.3 });
  });

  it('given a period, then only the deals won on its days (UTC, bounds inclusive)', () => {
    const won = (createdAt: string, closedAt: string) =>
      anOpportunity({ stage: 'closed-won', createdAt, closedAt });
    const deals = [
      won('2026-11-01T00:00:00.000Z', '2026-11-30T23:00:00.000Z'),
      won('2026-11-20T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
      won('2026-12-01T00:00:00.000Z', '2026-12-05T00:00:00.000Z'),
    ];
    expect(salesCycleReport(deals, { from: '2026-12-01', to: '2026-12-31' })).toEqual({
      wonDeals: 2,
      averageDays: 7.5,
    });
    expect(salesCycleReport(deals, { to: '2026-11-30' })).toEqual({ wonDeals: 1, averageDays: 30 });
  });

  it('given no won deal, then no average', () => {
    expect(salesCycleReport([anOpportunity()])).toEqual({ wonDeals: 0, averageDays: null });
  });
});
