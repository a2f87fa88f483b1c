import fc from 'fast-check';
import { backoffDelay } from './backoff';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('backoffDelay', () => {
  it.each([
    // failures, random, expected
    [1, 0, 500],
    [1, 0.999999, 1_000],
    [2, 0, 1_000],
    [3, 0.5, 3_000],
    [6, 0, 16_000],
    [7, 0, 30_000], // 64 s ceiling is capped at 60 s
    [50, 0.999999, 60_000],
    [0, 0, 500], // a first call with no failure counted behaves like the first failure
  ])('failure %i with random %d waits %i ms', (failures, random, expected) => {
    expect(backoffDelay(failures, random, policy)).toBe(expected);
  });

  it('always waits between half and all of the capped exponential ceiling, growing with failures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, random) => {
          const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (n - 1));
          const delay = backoffDelay(n, random, policy);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(delay).toBeLessThanOrEqual(ceiling);
          expect(backoffDelay(n + 1, 0, policy)).toBeGreaterThanOrEqual(backoffDelay(n, 0, policy));
        },
      ),
    );
  });
});
