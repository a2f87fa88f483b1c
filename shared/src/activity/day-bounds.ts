import type { Instant, IsoDate } from '../common/types';

const DAY_MS = 86_400_000;

/** Whether the platform knows this IANA time zone ("Europe/Oslo", "America/Sao_Paulo", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date and wall-clock time an instant shows in a time zone (`asUtc`: that wall-clock
 * time read as if it were UTC, in ms).
 */
export function wallClock(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    y: part('year'),
    m: part('month'),
    d: part('day'),
    asUtc: Date.UTC(
      part('year'),
      part('month') - 1,
      part('day'),
      part('hour'),
      part('minute'),
      part('second'),
    ),
  };
}

/** The instant a calendar day starts in a time zone (the offset is read twice: a DST change may sit between). */
function startOfDay(y: number, m: number, d: number, timeZone: string): number {
  const midnight = Date.UTC(y, m - 1, d);
  const offset = (at: number) => wallClock(at, timeZone).asUtc - Math.floor(at / 1000) * 1000;
  const first = midnight - offset(midnight);
  return midnight - offset(first);
}

export type DayBounds = {
  /** Today's date where the person is. */
  readonly date: IsoDate;
  /** Before this: overdue. */
  readonly startOfToday: Instant;
  /** From here: upcoming. */
  readonly startOfTomorrow: Instant;
  /** The end of the upcoming days (exclusive). */
  readonly end: Instant;
};

/**
 * Where a person's day begins and ends, in their time zone: overdue is before today, today is until
 * tomorrow starts, upcoming the `days` days after that. Pure: `now` comes in.
 */
export function dayBounds(now: Instant, timeZone: string, days: number): DayBounds {
  const { y, m, d } = wallClock(Date.parse(now), timeZone);
  const dayAt = (offset: number) => {
    const shifted = new Date(Date.UTC(y, m - 1, d) + offset * DAY_MS);
    return new Date(
      startOfDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate(), timeZone),
    ).toISOString();
  };
  return {
    date: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    startOfToday: dayAt(0),
    startOfTomorrow: dayAt(1),
    end: dayAt(1 + days),
  };
}
