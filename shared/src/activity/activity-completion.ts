import type { Instant } from '../common/types';
import type { Activity, ActivityType } from './activity';

export type Completion = Pick<Activity, 'completed' | 'completedAt'>;

const done = (now: Instant): Completion => ({ completed: true, completedAt: now });
const open: Completion = { completed: false };

/**
 * A new activity is done when it is logged as it happens: any type but a task, at or before now (a
 * call logged now, or one held this morning). One planned for later is not, nor is a task (a to-do
 * until ticked). `completed` in the input decides otherwise.
 */
export function completionAtCreation(
  input: { readonly type: ActivityType; readonly occurredAt?: Instant; readonly completed?: boolean },
  now: Instant,
): Completion {
  const completed = input.completed ?? (input.type !== 'task' && (input.occurredAt ?? now) <= now);
  return completed ? done(now) : open;
}

/** Marking done records when; marking undone forgets it; anything else keeps both. */
export function completionAfter(activity: Activity, given: boolean | undefined, now: Instant): Completion {
  if (given === undefined || given === activity.completed) {
    return activity.completed
      ? { completed: true, ...(activity.completedAt ? { completedAt: activity.completedAt } : {}) }
      : open;
  }
  return given ? done(now) : open;
}
