import * as z from 'zod';
import type { ChangeContext } from '../common/record-change';
import type { Result } from '../common/result';
import type { Instant } from '../common/types';
import type { Activity } from './activity';
import { decideActivityRescheduling, type ActivityDecision } from './complete-activity';
import { localDateTime, plusDays, timeZoneSchema, zonedInstant } from './zoned-time';

/** Where a snooze moves an open activity: to tomorrow, or to the Monday of next week. */
export const SNOOZE_UNTIL = ['tomorrow', 'next-week'] as const;
export type SnoozeUntil = (typeof SNOOZE_UNTIL)[number];

/** A snooze names where to and the time zone whose days count ("tomorrow" is a day somewhere). */
export const ActivitySnoozeInputSchema = z.strictObject({
  until: z.enum(SNOOZE_UNTIL),
  timeZone: timeZoneSchema,
});
export type ActivitySnoozeInput = z.infer<typeof ActivitySnoozeInputSchema>;

/**
 * When a snoozed activity is due: the day after today (tomorrow) or the Monday after today (next
 * week), today being the date `now` shows in `timeZone`, at the wall-clock time it was due (09:30
 * stays 09:30 across a change to or from summer time; a time that day skips moves forward).
 */
export function snoozedDueAt(dueAt: Instant, until: SnoozeUntil, now: Instant, timeZone: string): Instant {
  const today = localDateTime(now, timeZone);
  const due = localDateTime(dueAt, timeZone);
  const days = until === 'tomorrow' ? 1 : 8 - today.weekday;
  const day = plusDays(today, days);
  return zonedInstant({ ...day, hour: due.hour, minute: due.minute, second: due.second }, timeZone);
}

/** Snoozes an open activity (a reschedule to the day `snoozedDueAt` names); a done one cannot be. */
export function decideActivitySnooze(
  activity: Activity,
  input: ActivitySnoozeInput,
  ctx: ChangeContext,
): Result<ActivityDecision> {
  const dueAt = snoozedDueAt(activity.occurredAt, input.until, ctx.now, input.timeZone);
  return decideActivityRescheduling(activity, { dueAt }, ctx);
}
