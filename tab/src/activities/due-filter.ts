import type { ListQuery } from '../api/api-client';

export const DUE_CHOICES = ['overdue', 'today', 'upcoming', 'range'] as const;
export type DueChoice = (typeof DUE_CHOICES)[number];

export type DueFilterValue = { readonly choice: DueChoice | ''; readonly from: string; readonly to: string };

const startOfDay = (d: Date, days = 0) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);

function dateStart(date: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}

/**
 * The list query a "Due" choice asks for, days cut where the reader is: overdue is open and due
 * before today, today until tomorrow starts, upcoming from tomorrow on, a range from the first date
 * through the last.
 */
export function dueQuery(value: DueFilterValue, now: Date): ListQuery {
  const today = startOfDay(now).toISOString();
  const tomorrow = startOfDay(now, 1).toISOString();
  switch (value.choice) {
    case '':
      return {};
    case 'overdue':
      return { dueTo: today, completed: 'false' };
    case 'today':
      return { dueFrom: today, dueTo: tomorrow };
    case 'upcoming':
      return { dueFrom: tomorrow, completed: 'false' };
    case 'range':
      return { dueFrom: dateStart(value.from), dueTo: dateStart(value.to, 1) };
  }
}

/** The address parameters the Due filter keeps: the choice, and a range's first and last day. */
export const DUE_PARAMS = ['due', 'dueStart', 'dueEnd'] as const;

const isChoice = (value: string | undefined): value is DueChoice =>
  (DUE_CHOICES as readonly string[]).includes(value ?? '');

/** The filter as the address holds it; a choice it does not know is no choice. */
export function dueFromAddress(values: Readonly<Record<string, string>>): DueFilterValue {
  const choice = isChoice(values.due) ? values.due : '';
  const range = choice === 'range';
  return { choice, from: range ? (values.dueStart ?? '') : '', to: range ? (values.dueEnd ?? '') : '' };
}

/** The address parameters for `value` ('' removes one: a range's days go with the range). */
export function dueToAddress(value: DueFilterValue): Record<(typeof DUE_PARAMS)[number], string> {
  const range = value.choice === 'range';
  return { due: value.choice, dueStart: range ? value.from : '', dueEnd: range ? value.to : '' };
}
