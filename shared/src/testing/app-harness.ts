import type { AppDeps, Caller } from '../application/deps';
import type { Result } from '../common/result';
import type { Actor } from '../common/types';
import { fixedClock, type FixedClock } from './clock';
import { sequentialIds } from './ids';
import { createInMemoryStorage, type InMemoryStorage } from './in-memory-storage';

export type TestApp = {
  readonly deps: AppDeps;
  readonly clock: FixedClock;
  readonly storage: InMemoryStorage;
};

/** Use-case dependencies over the in-memory repositories, with a clock and ids the test controls. */
export function inMemoryApp(): TestApp {
  const storage = createInMemoryStorage();
  const clock = fixedClock();
  const deps: AppDeps = {
    records: storage.records,
    workspaces: storage.workspaces,
    outbox: storage.outbox,
    teams: storage.teams,
    conversations: storage.conversations,
    clock,
    ids: sequentialIds('id'),
  };
  return { deps, clock, storage };
}

export const anActor = (overrides: Partial<Actor> = {}): Actor => ({
  tenantId: 'tenant-a',
  userId: 'user-anna',
  name: 'Anna de Vries',
  ...overrides,
});

export const asCaller = (actor: Actor, idempotencyKey?: string): Caller =>
  idempotencyKey ? { actor, idempotencyKey } : { actor };

/** Unwraps an expected success, failing the test with the error code otherwise. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error code of an expected failure (or 'ok' when it unexpectedly succeeded). */
export const codeOf = (result: Result<unknown>): string => (result.ok ? 'ok' : result.error.code);
