/**
 * How long to wait before trying again after a failure that gave no Retry-After: the relay's sends,
 * the storage layer's retries, the tab's and the bot's retries of a busy answer.
 */
export type BackoffPolicy = {
  /** The first retry waits about this long. */
  readonly baseMs: number;
  /** No wait grows past this. */
  readonly capMs: number;
};

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": the n-th failure waits between half and all of
 * min(cap, base·2^(n-1)). The jitter spreads the retries of many relays; the floor keeps each one from
 * hammering a service that just failed. `random` is in [0, 1).
 */
export function backoffDelay(
  failures: number,
  random: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}
