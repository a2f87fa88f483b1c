import * as z from 'zod';
import type { Instant, IsoDate } from '../common/types';
import { isTimeZone, wallClock } from './day-bounds';

const DAY_MS = 86_400_000;

/** An IANA time zone the platform knows ("Europe/Oslo", "America/Sao_Paulo", "UTC"). */
export const timeZoneSchema = z.string().max(100).refine(isTimeZone, 'an IANA time zone, e.g. Europe/Oslo');

/** A calendar day. */
export type CalendarDate = { readonly y: number; readonly m: number; readonly d: number };

/** What a clock on the wall shows somewhere: the day, the time, and the ISO weekday (1 Monday … 7 Sunday). */
export type LocalDateTime = CalendarDate & {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
};

/** The wall-clock date and time of an instant in an IANA time zone. */
export function localDateTime(instant: Instant, timeZone: string): LocalDateTime {
  const { y, m, d, asUtc } = wallClock(Date.parse(instant), timeZone);
  const wall = new Date(asUtc);
  return {
    y,
    m,
    d,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(),
  };
}

/** The day `days` after (or before) a calendar day. */
export function plusDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * DAY_MS);
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

export const isoDateOf = ({ y, m, d }: CalendarDate): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The instant a wall clock in `timeZone` shows this date and time. A time that happens twice (the
 * hour summer time ends) is its first occurrence; one that never happens (the hour it starts) is
 * moved forward by the gap, as a clock put forward would show it (02:30 → 03:30).
 */
export function zonedInstant(
  local: CalendarDate & { readonly hour: number; readonly minute: number; readonly second: number },
  timeZone: string,
): Instant {
  const asUtc = Date.UTC(local.y, local.m - 1, local.d, local.hour, local.minute, local.second);
  // The offsets a day either side: a change of offset near this time lies between them.
  const offset = (at: number) => wallClock(at, timeZone).asUtc - Math.floor(at / 1000) * 1000;
  const before = asUtc - offset(asUtc - DAY_MS);
  const after = asUtc - offset(asUtc + DAY_MS);
  const shows = (at: number) => wallClock(at, timeZone).asUtc === asUtc;
  const candidates = [before, after].filter(shows).sort((a, b) => a - b);
  return new Date(candidates[0] ?? before).toISOString();
}
