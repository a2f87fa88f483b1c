import type { Result } from '@crm/shared';

/** Unwraps an expected success while seeding a test, failing with the error code otherwise. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
