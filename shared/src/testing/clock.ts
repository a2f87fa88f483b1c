import type { Clock } from '../application/ports';
import type { Instant } from '../common/types';

export type FixedClock = Clock & {
  /** Moves the clock to `instant`. */
  set(instant: Instant): void;
  /** Moves the clock forward. */
  advance(ms: number): void;
};

/** A clock that only moves when the test says so. */
export function fixedClock(instant: Instant = '2026-11-22T10:00:00.000Z'): FixedClock {
  let now = new Date(instant).toISOString();
  return {
    now: () => now,
    set: (next) => {
      now = new Date(next).toISOString();
    },
    advance: (ms) => {
      now = new Date(Date.parse(now) + ms).toISOString();
    },
  };
}
