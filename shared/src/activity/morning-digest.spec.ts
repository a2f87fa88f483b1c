import { morningDigestDate } from './morning-digest';

describe('morningDigestDate', () => {
  it.each([
    // now, zone, the digest due (undefined: none)
    // Friday before summer time starts: 08:00 in Oslo is 07:00 UTC.
    ['2026-03-27T06:59:59.000Z', 'Europe/Oslo', undefined],
    ['2026-03-27T07:00:00.000Z', 'Europe/Oslo', '2026-03-27'],
    // Monday after: 08:00 in Oslo is 06:00 UTC.
    ['2026-03-30T05:59:59.000Z', 'Europe/Oslo', undefined],
    ['2026-03-30T06:00:00.000Z', 'Europe/Oslo', '2026-03-30'],
    // Monday after summer time ends: 07:00 UTC again.
    ['2026-10-26T06:00:00.000Z', 'Europe/Amsterdam', undefined],
    ['2026-10-26T07:00:00.000Z', 'Europe/Amsterdam', '2026-10-26'],
    // Until noon, not after.
    ['2026-10-26T10:59:59.000Z', 'Europe/Amsterdam', '2026-10-26'],
    ['2026-10-26T11:00:00.000Z', 'Europe/Amsterdam', undefined],
    // Weekends: nothing.
    ['2026-03-28T08:00:00.000Z', 'Europe/Oslo', undefined],
    ['2026-03-29T08:00:00.000Z', 'Europe/Oslo', undefined],
    // São Paulo: 08:00 is 11:00 UTC; the UTC date is not the person's.
    ['2026-03-02T11:00:00.000Z', 'America/Sao_Paulo', '2026-03-02'],
    ['2026-03-03T02:00:00.000Z', 'America/Sao_Paulo', undefined],
  ])('given %s in %s, then %s', (now, zone, date) => {
    expect(morningDigestDate(now, zone)).toBe(date);
  });
});
