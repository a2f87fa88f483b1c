/**
 * Times the tab offers for an activity, in the reader's own time zone (the browser's): when a planned
 * one is due by default, and the day a picked date moves an open one to ("Tomorrow" and "Next week"
 * are shared's `snoozedDueAt`, as on the bot's card).
 */

const WORK_STARTS = 9;
const WORK_ENDS = 17;

const isWeekend = (d: Date) => d.getDay() === 0 || d.getDay() === 6;

/** The next full hour inside working hours (09:00–17:00, Monday to Friday). */
export function nextWorkingHour(now: Date): Date {
  const next = new Date(now);
  next.setMinutes(0, 0, 0);
  next.setHours(next.getHours() + 1);
  if (next.getHours() < WORK_STARTS) next.setHours(WORK_STARTS);
  if (next.getHours() > WORK_ENDS || (next.getHours() === WORK_ENDS && next.getMinutes() > 0)) {
    next.setDate(next.getDate() + 1);
    next.setHours(WORK_STARTS);
  }
  while (isWeekend(next)) {
    next.setDate(next.getDate() + 1);
    next.setHours(WORK_STARTS);
  }
  return next;
}

/** A chosen date (`YYYY-MM-DD`), at the time it was due. */
export function onDateAt(date: string, due: Date): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), due.getHours(), due.getMinutes());
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` input's value. */
export const localInput = (d: Date): string =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** A `date` input's value. */
export const localDateInput = (d: Date): string => localInput(d).slice(0, 10);

/** The reader's IANA time zone (what "today" means to them). */
export const readerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
