import { localDateTime, zonedInstant } from './zoned-time';

describe('zonedInstant', () => {
  it.each([
    // wall clock, zone, instant
    ['2026-03-27 09:30', 'Europe/Oslo', '2026-03-27T08:30:00.000Z'],
    ['2026-03-30 09:30', 'Europe/Oslo', '2026-03-30T07:30:00.000Z'],
    // 02:30 never happens the night summer time starts: the clock shows 03:30 instead.
    ['2026-03-29 02:30', 'Europe/Oslo', '2026-03-29T01:30:00.000Z'],
    // 02:30 happens twice the night it ends: the first one.
    ['2026-10-25 02:30', 'Europe/Oslo', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25 03:30', 'Europe/Oslo', '2026-10-25T02:30:00.000Z'],
    ['2026-11-02 08:00', 'America/Sao_Paulo', '2026-11-02T11:00:00.000Z'],
    ['2026-03-08 02:15', 'America/New_York', '2026-03-08T07:15:00.000Z'],
    ['2026-01-01 00:00', 'UTC', '2026-01-01T00:00:00.000Z'],
  ])('given %s in %s, then it is %s', (wall, zone, instant) => {
    const [date = '', time = ''] = wall.split(' ');
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    expect(zonedInstant({ y, m, d, hour, minute, second: 0 }, zone)).toBe(instant);
  });

  it('given an instant, then its wall clock and weekday where the person is', () => {
    expect(localDateTime('2026-03-29T22:30:00.000Z', 'Europe/Oslo')).toEqual({
      y: 2026,
      m: 3,
      d: 30,
      hour: 0,
      minute: 30,
      second: 0,
      weekday: 1,
    });
  });
});
