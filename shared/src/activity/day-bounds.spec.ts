import { dayBounds, isTimeZone } from './day-bounds';

describe('dayBounds', () => {
  it.each([
    // now, zone, date, start of today, start of tomorrow
    ['2026-03-02T10:00:00.000Z', 'UTC', '2026-03-02', '2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z'],
    [
      '2026-03-02T23:30:00.000Z',
      'Europe/Oslo',
      '2026-03-03',
      '2026-03-02T23:00:00.000Z',
      '2026-03-03T23:00:00.000Z',
    ],
    [
      '2026-03-02T02:00:00.000Z',
      'America/Sao_Paulo',
      '2026-03-01',
      '2026-03-01T03:00:00.000Z',
      '2026-03-02T03:00:00.000Z',
    ],
    // The night summer time starts in Oslo: that day has 23 hours.
    [
      '2026-03-29T12:00:00.000Z',
      'Europe/Oslo',
      '2026-03-29',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ],
    // And the night it ends: 25 hours.
    [
      '2026-10-25T12:00:00.000Z',
      'Europe/Amsterdam',
      '2026-10-25',
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
    ],
  ])('given %s in %s, then today is %s from %s to %s', (now, zone, date, start, tomorrow) => {
    const bounds = dayBounds(now, zone, 7);
    expect(bounds).toMatchObject({ date, startOfToday: start, startOfTomorrow: tomorrow });
  });

  it('given 7 upcoming days, then they end at the start of the eighth day after today', () => {
    expect(dayBounds('2026-03-02T10:00:00.000Z', 'UTC', 7).end).toBe('2026-03-10T00:00:00.000Z');
  });

  it.each([
    ['Europe/Oslo', true],
    ['UTC', true],
    ['America/Sao_Paulo', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('given the zone %j, then it is known: %s', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
  });
});
