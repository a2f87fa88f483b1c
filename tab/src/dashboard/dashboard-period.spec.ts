import { parsePeriod, periodRange } from './dashboard-period';

const TODAY = new Date('2026-11-15T23:30:00.000Z');

describe('the dashboard’s periods', () => {
  it.each([
    ['month', { from: '2026-11-01', to: '2026-11-15' }],
    ['quarter', { from: '2026-10-01', to: '2026-11-15' }],
    ['year', { from: '2026-01-01', to: '2026-11-15' }],
    ['last-12-months', { from: '2025-11-16', to: '2026-11-15' }],
    ['all', {}],
  ] as const)('%s covers %j', (period, range) => {
    expect(periodRange(period, TODAY)).toEqual(range);
  });

  it('counts UTC days, as the reports do, and starts a quarter on its first month', () => {
    expect(periodRange('quarter', new Date('2027-03-31T12:00:00Z'))).toEqual({
      from: '2027-01-01',
      to: '2027-03-31',
    });
    expect(periodRange('month', new Date('2027-01-01T00:00:00Z'))).toEqual({
      from: '2027-01-01',
      to: '2027-01-01',
    });
  });

  it('reads the address’s period, this month when it names none', () => {
    expect(parsePeriod('year')).toBe('year');
    expect(parsePeriod('decade')).toBe('month');
    expect(parsePeriod(undefined)).toBe('month');
  });
});
