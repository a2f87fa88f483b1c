import { DEFAULT_STAGES } from '../opportunity/stage';
import { anOpportunity } from '../testing/builders';
import { forecastReport, monthKeys } from './forecast-report';

describe('monthKeys', () => {
  it.each([
    ['2026-11-15', 3, ['2026-11', '2026-12', '2027-01']],
    ['2026-01-01', 1, ['2026-01']],
    ['2026-01-01', 0, []],
    [
      '2026-12-31',
      14,
      [
        '2026-12',
        ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2027-${m}`),
        '2028-01',
      ],
    ],
  ])('from %s for %s months', (from, months, expected) => {
    expect(monthKeys(from, months)).toEqual(expected);
  });
});

describe('forecastReport', () => {
  const period = { from: '2026-11-01', months: 3 };
  const deals = [
    anOpportunity({
      stage: 'prospecting',
      probability: 10,
      forecastCategory: 'pipeline',
      amount: 1000,
      closeDate: '2026-11-20',
    }),
    anOpportunity({
      stage: 'proposal',
      probability: 75,
      forecastCategory: 'best-case',
      amount: 2000,
      closeDate: '2026-11-30',
    }),
    anOpportunity({
      stage: 'negotiation',
      probability: 90,
      forecastCategory: 'commit',
      amount: 500,
      closeDate: '2026-11-01',
      currency: 'BRL',
    }),
    // Won: counted in the month it was won, whatever its expected date said.
    anOpportunity({
      stage: 'closed-won',
      probability: 100,
      amount: 300,
      closeDate: '2026-10-15',
      closedAt: '2026-12-03T10:00:00.000Z',
    }),
    // Lost, out of the period, or without a date: not in any month.
    anOpportunity({
      stage: 'closed-lost',
      probability: 0,
      amount: 9999,
      closeDate: '2026-11-10',
      closedAt: '2026-11-10T10:00:00.000Z',
    }),
    anOpportunity({ stage: 'proposal', probability: 75, amount: 7777, closeDate: '2027-02-01' }),
    anOpportunity({ stage: 'proposal', probability: 75, amount: 7777, closeDate: '2026-10-31' }),
    anOpportunity({ stage: 'proposal', probability: 40, amount: 50 }),
  ];
  const report = forecastReport(deals, DEFAULT_STAGES, period);

  it('lists every month of the period in order, empty ones included', () => {
    expect(report.months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(report.months[2]?.byCurrency).toEqual({});
  });

  it('totals open deals by expected close month and currency, with amounts by forecast category', () => {
    expect(report.months[0]?.byCurrency).toEqual({
      EUR: {
        count: 2,
        amount: 3000,
        weightedAmount: 1600,
        byCategory: { pipeline: 1000, 'best-case': 2000, commit: 0, closed: 0 },
      },
      BRL: {
        count: 1,
        amount: 500,
        weightedAmount: 450,
        byCategory: { pipeline: 0, 'best-case': 0, commit: 500, closed: 0 },
      },
    });
  });

  it('puts a won deal in the month it was won, as closed', () => {
    expect(report.months[1]?.byCurrency).toEqual({
      EUR: {
        count: 1,
        amount: 300,
        weightedAmount: 300,
        byCategory: { pipeline: 0, 'best-case': 0, commit: 0, closed: 300 },
      },
    });
  });

  it('keeps open deals without a close date apart', () => {
    expect(report.undated).toEqual({
      EUR: {
        count: 1,
        amount: 50,
        weightedAmount: 20,
        byCategory: { pipeline: 0, 'best-case': 50, commit: 0, closed: 0 },
      },
    });
  });

  it('takes the category from the workspace stages, not the copy on the deal', () => {
    const stale = anOpportunity({
      stage: 'proposal',
      forecastCategory: 'pipeline',
      amount: 10,
      closeDate: '2026-11-02',
    });
    const r = forecastReport([stale], DEFAULT_STAGES, period);
    expect(r.months[0]?.byCurrency.EUR?.byCategory['best-case']).toBe(10);
  });
});
