import { headlineFigures } from './headline-figures';

const total = (count: number, amount: number, weightedAmount: number) => ({ count, amount, weightedAmount });
const row = (key: string, leads: number, converted: number) => ({
  key,
  leads,
  converted,
  disqualified: 0,
  open: leads - converted,
  conversionRate: converted / leads,
});

describe('the dashboard’s headline figures', () => {
  it('keep every currency apart, largest first, and add up counts and leads', () => {
    const figures = headlineFigures({
      pipeline: { stages: [], totals: { NOK: total(2, 90_000, 9_000), EUR: total(3, 120_000, 60_000) } },
      winRate: { won: 2, lost: 1, winRate: 2 / 3, wonAmount: { EUR: 6_000, NOK: 10_000 } },
      salesCycle: { wonDeals: 2, averageDays: 31.5 },
      conversion: { by: 'source', rows: [row('web', 4, 1), row('event', 6, 2)] },
    });
    expect(figures).toEqual({
      openPipeline: [
        { currency: 'EUR', amount: 120_000 },
        { currency: 'NOK', amount: 90_000 },
      ],
      weightedPipeline: [
        { currency: 'EUR', amount: 60_000 },
        { currency: 'NOK', amount: 9_000 },
      ],
      openDeals: 5,
      won: [
        { currency: 'NOK', amount: 10_000 },
        { currency: 'EUR', amount: 6_000 },
      ],
      wonDeals: 2,
      lostDeals: 1,
      winRate: 2 / 3,
      averageCycleDays: 31.5,
      cycleDeals: 2,
      newLeads: 10,
      conversionRate: 0.3,
    });
  });

  it('have no rates where nothing happened in the period', () => {
    const figures = headlineFigures({
      pipeline: { stages: [], totals: {} },
      winRate: { won: 0, lost: 0, winRate: null, wonAmount: {} },
      salesCycle: { wonDeals: 0, averageDays: null },
      conversion: { by: 'source', rows: [] },
    });
    expect(figures).toMatchObject({
      winRate: null,
      conversionRate: null,
      averageCycleDays: null,
      newLeads: 0,
      won: [],
    });
  });
});
