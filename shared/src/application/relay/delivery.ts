import type { Instant } from '../../common/types';
import { plusMs } from '../../common/instant';
import type { NotificationTarget, SendOutcome } from '../notification-ports';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../common/backoff';
import type { Delivery, TargetDelivery } from './relay-ports';

/** A Retry-After beyond this is clamped: a broken header must not park an event for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** The targets resolved once for an event (a target named twice is sent once). */
export function startDelivery(targets: readonly NotificationTarget[]): Delivery {
  const seen = new Set<string>();
  const unique = targets.filter((t) => !seen.has(t.key) && seen.add(t.key));
  return { targets: unique.map((target) => ({ target, status: 'pending', attempts: 0 })) };
}

/** Done when its targets are known and every one has the post or is gone for good. */
export const isFinished = (delivery: Delivery): boolean =>
  delivery.resolution === undefined && delivery.targets.every((t) => t.status !== 'pending');

/**
 * Targets to send to now: pending, past their notBefore, and not blocked (a target that asked this
 * pass to wait — 429 — is not sent the next event before its time either).
 */
export function dueTargets(
  delivery: Delivery,
  now: Instant,
  blocked: ReadonlyMap<string, Instant> = new Map(),
): NotificationTarget[] {
  return delivery.targets
    .filter(
      (t) => t.status === 'pending' && !after(t.notBefore, now) && !after(blocked.get(t.target.key), now),
    )
    .map((t) => t.target);
}

/** When this event next has a target to try (undefined when finished). */
export function nextAttemptAt(
  delivery: Delivery,
  now: Instant,
  blocked: ReadonlyMap<string, Instant> = new Map(),
): Instant | undefined {
  let next: Instant | undefined;
  for (const t of delivery.targets) {
    if (t.status !== 'pending') continue;
    const at = latest(latest(now, t.notBefore), blocked.get(t.target.key));
    if (next === undefined || at < next) next = at;
  }
  return next;
}

/**
 * What one send attempt changes: `sent` and `gone` are final for the target; `retry` waits its
 * Retry-After when the server gave one, else an exponential backoff with jitter.
 */
export function recordOutcome(
  delivery: Delivery,
  key: string,
  outcome: SendOutcome,
  context: { readonly now: Instant; readonly random: number; readonly backoff?: BackoffPolicy },
): Delivery {
  return {
    targets: delivery.targets.map((t): TargetDelivery => {
      if (t.target.key !== key || t.status !== 'pending') return t;
      const attempts = t.attempts + 1;
      switch (outcome.kind) {
        case 'sent':
          return { target: t.target, status: 'sent', attempts, at: context.now };
        case 'gone':
          return { target: t.target, status: 'gone', attempts, reason: outcome.reason };
        case 'retry': {
          const wait =
            outcome.afterMs !== undefined
              ? Math.min(Math.max(outcome.afterMs, 0), MAX_RETRY_AFTER_MS)
              : backoffDelay(attempts, context.random, context.backoff ?? DEFAULT_BACKOFF);
          return {
            target: t.target,
            status: 'pending',
            attempts,
            notBefore: plusMs(context.now, wait),
            lastError: outcome.reason,
          };
        }
        default: {
          const unknown: never = outcome;
          return unknown;
        }
      }
    }),
  };
}

const after = (instant: Instant | undefined, now: Instant): boolean => instant !== undefined && instant > now;
const latest = (a: Instant, b: Instant | undefined): Instant => (b !== undefined && b > a ? b : a);

/** Targets not resolved yet (first attempt, or `targetsFor` failed before): the channel must be asked. */
export const needsTargets = (delivery: Delivery | undefined): boolean =>
  delivery === undefined || delivery.resolution !== undefined;

/** `targetsFor` threw: counted, and not asked again before a backoff (with jitter). */
export function failedResolution(
  delivery: Delivery | undefined,
  reason: string,
  context: { readonly now: Instant; readonly random: number; readonly backoff?: BackoffPolicy },
): Delivery {
  const attempts = (delivery?.resolution?.attempts ?? 0) + 1;
  const wait = backoffDelay(attempts, context.random, context.backoff ?? DEFAULT_BACKOFF);
  return {
    targets: [],
    resolution: { attempts, notBefore: plusMs(context.now, wait), lastError: reason },
  };
}

/**
 * Given up on: the targets could not be resolved, or a target still waiting has failed, `maxAttempts`
 * times. The relay then moves the event to the workspace's dead letters (owners retry from Settings).
 */
export const isExhausted = (delivery: Delivery, maxAttempts: number): boolean =>
  (delivery.resolution?.attempts ?? 0) >= maxAttempts ||
  delivery.targets.some((t) => t.status === 'pending' && t.attempts >= maxAttempts);
