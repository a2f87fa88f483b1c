import type { Id, Instant } from '../common/types';
import type { Activity } from './activity';

/** An open activity is on someone's list: planned, due at `occurredAt`. */
export const isOpenActivity = (a: Pick<Activity, 'completed'>): boolean => !a.completed;

/**
 * When a done activity happened: its `occurredAt`, but never after the moment it was marked done (a
 * meeting planned for Friday and held on Wednesday happened on Wednesday). Undefined while open.
 */
export function happenedAt(
  a: Pick<Activity, 'completed' | 'completedAt' | 'occurredAt'>,
): Instant | undefined {
  if (!a.completed) return undefined;
  if (a.completedAt !== undefined && a.completedAt < a.occurredAt) return a.completedAt;
  return a.occurredAt;
}

/**
 * The order of open activities: by due instant, then by id (the order of storage's due rows, so an
 * in-memory list and a key range agree on ties).
 */
export const byDue = (
  a: { readonly occurredAt: Instant; readonly id: Id },
  b: { readonly occurredAt: Instant; readonly id: Id },
): number =>
  a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
