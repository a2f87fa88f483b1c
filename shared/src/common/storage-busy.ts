/**
 * Storage refused or did not answer in time (Table Storage's 503 ServerBusy, a 500 timeout, a lost
 * connection) after the retries the storage layer allows itself. Not a bug and not the client's
 * fault: each transport answers it once (the API 503 `STORAGE.BUSY` with `Retry-After`, the bot a
 * "busy, try again" line) so that callers back off instead of piling on.
 */
export class StorageBusyError extends Error {
  override readonly name = 'StorageBusyError';
  /** How long to wait before asking again (what storage asked for, else the next backoff). */
  readonly retryAfterMs: number;
  /**
   * A write whose answer was lost: it may have been applied. Retry it only with an idempotency key
   * (the idempotency row then recognises the first attempt); reads and refused writes are `false`.
   */
  readonly ambiguous: boolean;

  constructor(
    message: string,
    details: { readonly retryAfterMs: number; readonly ambiguous: boolean; readonly cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.retryAfterMs = details.retryAfterMs;
    this.ambiguous = details.ambiguous;
  }
}

/** Also across copies of this module (bundles, test module registries): the name decides. */
export const isStorageBusy = (error: unknown): error is StorageBusyError =>
  error instanceof StorageBusyError ||
  (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'StorageBusyError');

/** Whole seconds for a `Retry-After` header: at least 1, at most a minute. */
export const retryAfterSeconds = (error: Pick<StorageBusyError, 'retryAfterMs'>): number =>
  Math.min(60, Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
