import { backoffDelay } from '../common/backoff';
import { isStorageBusy } from '../common/storage-busy';

export type BusyRetryPolicy = {
  /** Tries, the first included. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly capMs: number;
  /** No retry starts past this much time since the first try (Teams re-sends an activity after ~15 s). */
  readonly budgetMs: number;
};

/** Jitter, waiting and the clock, passed in (the process's own: `Math.random`, a timer, `Date.now`). */
export type BusyRetryTime = {
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly nowMs: () => number;
};

export const DEFAULT_BUSY_RETRY: BusyRetryPolicy = {
  attempts: 3,
  baseMs: 500,
  capMs: 4_000,
  budgetMs: 8_000,
};

/**
 * Runs `work` again when storage was busy and refused it (nothing applied: safe to repeat whatever it
 * does), waiting what storage asked for or backoff with jitter, within the budget. A busy error whose
 * write may have been applied (`ambiguous`) is not retried here: it reaches the caller, whose own
 * retry carries its idempotency key. Any other error passes through at once.
 */
export async function retryWhenBusy<T>(
  work: () => Promise<T>,
  policy: BusyRetryPolicy,
  time: BusyRetryTime,
): Promise<T> {
  const { random, sleep, nowMs } = time;
  const started = nowMs();
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isStorageBusy(error) || error.ambiguous || attempt >= policy.attempts) throw error;
      const wait = Math.max(error.retryAfterMs, backoffDelay(attempt, random(), policy));
      if (nowMs() - started + wait > policy.budgetMs) throw error;
      await sleep(wait);
    }
  }
}
