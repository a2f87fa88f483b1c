import type { Instant, IsoDate } from '../common/types';
import { isoDateOf, localDateTime } from './zoned-time';

/**
 * The morning digest: on working days (Monday to Friday) at 08:00 where the person is. A digest not
 * sent by noon (the bot was down all morning) is not sent that day: by then it is no longer news.
 */
export const MORNING_DIGEST = { fromHour: 8, untilHour: 12, workdays: [1, 2, 3, 4, 5] } as const;

/**
 * The date whose digest is due at `now` in `timeZone`: that day's date from 08:00 to noon on a
 * working day; undefined at any other time.
 */
export function morningDigestDate(now: Instant, timeZone: string): IsoDate | undefined {
  const local = localDateTime(now, timeZone);
  const workday = (MORNING_DIGEST.workdays as readonly number[]).includes(local.weekday);
  const inWindow = local.hour >= MORNING_DIGEST.fromHour && local.hour < MORNING_DIGEST.untilHour;
  return workday && inWindow ? isoDateOf(local) : undefined;
}
