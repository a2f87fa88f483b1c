import { anOpportunity } from '../testing/builders';
import { winRateReport } from './win-rate-report';

const closed = (stage: 'closed-won' | 'closed-lost', closedAt: string, amount?: number, currency = 'EUR') =>
  anOpportunity({ stage, closedAt, currency, ...(amount === undefined ? {} : { amount }) });
const deals = [
  closed('closed-won', '2026-01-31T23:59:59.000Z', 1000),
  closed('closed-won', '2026-02-15T10:00:00.000Z', 500, 'NOK'),
  closed('closed-lost', '2026-02-01T00:00:00.000Z'),
  closed('closed-lost', '2026-03-01T00:00:00.000Z'),
  anOpportunity({ stage: 'proposal' }),
];

describe('winRateReport', () => {
  it.each([
    [
      'no period: every closed deal, won amounts per currency',
      {},
      { won: 2, lost: 2, winRate: 0.5, wonAmount: { EUR: 1000, NOK: 500 } },
    ],
    [
      'February, bounds inclusive',
      { from: '2026-02-01', to: '2026-02-28' },
      { won: 1, lost: 1, winRate: 0.5, wonAmount: { NOK: 500 } },
    ],
    ['from a day on', { from: '2026-02-02' }, { won: 1, lost: 1, winRate: 0.5, wonAmount: { NOK: 500 } }],
    ['up to a day', { to: '2026-01-31' }, { won: 1, lost: 0, winRate: 1, wonAmount: { EUR: 1000 } }],
    [
      'a period with nothing closed',
      { from: '2027-01-01' },
      { won: 0, lost: 0, winRate: null, wonAmount: {} },
    ],
  ])('given %s', (_case, period, expected) => {
    expect(winRateReport(deals, period)).toEqual(expected);
  });
});
