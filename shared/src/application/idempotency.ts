import { domainError } from '../common/domain-error';
import { isStorageBusy } from '../common/storage-busy';
import { err, ok, type Result } from '../common/result';
import type { WorkspaceId } from '../common/types';
import type { AppDeps, Caller } from './deps';
import { fingerprint } from './fingerprint';
import type { IdempotencyRecord } from '../records/change-set';

export type Idempotency = {
  /** The record to commit with the change set, or undefined when the caller sent no key. */
  readonly record: (response: unknown) => IdempotencyRecord | undefined;
};

/**
 * Runs `execute` at most once per (user, operation, key). A repeat with the same request gets
 * `replay(storedResponse)`; the same key with a different request is IDEMPOTENCY.KEY_REUSED. When two
 * requests with one key race, the loser's commit fails (the key's row exists) and it replays the winner.
 * A commit whose answer storage lost (an ambiguous StorageBusyError) is recognised by its idempotency
 * row: when the row is there, the commit was applied and its answer is replayed, instead of the
 * caller hearing 503 (or, retried blindly, CONCURRENCY.STALE) for a change that was made.
 */
export async function idempotent<T>(
  deps: Pick<AppDeps, 'records' | 'clock'>,
  ws: WorkspaceId,
  caller: Caller,
  operation: string,
  request: unknown,
  execute: (idempotency: Idempotency) => Promise<Result<T>>,
  replay: (response: unknown) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!caller.idempotencyKey) return execute({ record: () => undefined });
  const key = idempotencyRowKey(caller, operation);
  const print = fingerprint(request);
  const replayStored = async (): Promise<Result<T> | undefined> => {
    const stored = await deps.records.findIdempotency(ws, key);
    if (!stored) return undefined;
    if (stored.fingerprint !== print) {
      return err(
        domainError(
          'IDEMPOTENCY.KEY_REUSED',
          'This Idempotency-Key was already used for a different request.',
        ),
      );
    }
    return replay(stored.response);
  };
  const earlier = await replayStored();
  if (earlier) return earlier;
  let result: Result<T>;
  try {
    result = await execute({
      record: (response) => ({ key, fingerprint: print, response, createdAt: deps.clock.now() }),
    });
  } catch (error) {
    if (!isStorageBusy(error) || !error.ambiguous) throw error;
    // Still busy: the caller hears the first error and asks again with the same key later.
    const applied = await replayStored().catch(() => undefined);
    if (applied) return applied;
    throw error;
  }
  // A request racing another with the same key loses its commit; answer with the winner's result.
  if (!result.ok) return (await replayStored()) ?? result;
  return ok(result.value);
}

/**
 * Whether a write with this Idempotency-Key already ran (`operation`: e.g. `lead.create`): a caller that
 * does something besides the write (a bot posting a card about it) does that once, not on a replay.
 */
export async function idempotencyKeyUsed(
  deps: Pick<AppDeps, 'records'>,
  ws: WorkspaceId,
  caller: Caller,
  operation: string,
): Promise<boolean> {
  if (!caller.idempotencyKey) return false;
  return Boolean(await deps.records.findIdempotency(ws, idempotencyRowKey(caller, operation)));
}

const idempotencyRowKey = (caller: Caller, operation: string) =>
  `${caller.actor.userId}:${operation}:${caller.idempotencyKey ?? ''}`;

/**
 * How long an Idempotency-Key is remembered: a client retries within minutes (the tab, the bot) or
 * hours (a device that was offline); a week covers both, and the morning digest's claims of a day.
 */
export const IDEMPOTENCY_DAYS = 7;

/** Housekeeping: forgets the workspace's idempotency rows older than `IDEMPOTENCY_DAYS`; how many. */
export async function forgetOldIdempotencyKeys(
  deps: Pick<AppDeps, 'records' | 'clock'>,
  ws: WorkspaceId,
): Promise<number> {
  const cutoff = new Date(Date.parse(deps.clock.now()) - IDEMPOTENCY_DAYS * 86_400_000).toISOString();
  return deps.records.purgeIdempotency(ws, cutoff);
}
