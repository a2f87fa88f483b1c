import type { PipelinePolicy, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import { backoffDelay } from '../common/backoff';
import { StorageBusyError } from '../common/storage-busy';

/**
 * How the storage layer retries a request Table Storage (or the network) failed. The SDK's own retry
 * is switched off (`maxRetries: 0`): it retries every method alike, so a batch whose answer was lost
 * is sent again and then fails with 409/412 — read as CONCURRENCY.STALE although it was applied.
 */
export type StorageRetryOptions = {
  /** Tries per request, the first included. */
  readonly attempts: number;
  /** Backoff between tries (equal jitter), unless storage says how long to wait. */
  readonly baseMs: number;
  readonly capMs: number;
  /** A try that has not answered after this long is abandoned (and counts as a timeout). */
  readonly tryTimeoutMs: number;
  /** No retry starts past this much time since the first try: the caller answers 503 soon instead. */
  readonly budgetMs: number;
};

export const DEFAULT_STORAGE_RETRY: StorageRetryOptions = {
  attempts: 4,
  baseMs: 200,
  capMs: 2_000,
  tryTimeoutMs: 15_000,
  budgetMs: 5_000,
};

/** A failure worth trying again, and whether storage certainly did not apply it. */
type Transient = { readonly refused: boolean; readonly what: string; readonly retryAfterMs?: number };

/**
 * Retries what is safe and gives up with a `StorageBusyError` the transports answer as 503 +
 * Retry-After:
 * - transient failures: 503 (ServerBusy), 500 (OperationTimedOut, InternalError), 502, 504, 408,
 *   429, a connection lost or refused, a try past `tryTimeoutMs`;
 * - reads (GET, HEAD) are retried on any of them; writes only when storage certainly did not apply
 *   them (503 ServerBusy, 429, a refused connection). A write whose answer was lost is not sent again:
 *   the caller hears `ambiguous` and retries with its idempotency key, whose row then tells;
 * - waits honour `x-ms-retry-after-ms` / `Retry-After`, else backoff with jitter; at most `attempts`
 *   tries within `budgetMs`.
 * `onTransient` hears of every transient failure (the throttling metric).
 */
export function storageRetryPolicy(
  options: StorageRetryOptions = DEFAULT_STORAGE_RETRY,
  hooks: {
    readonly random?: () => number;
    readonly sleep?: (ms: number) => Promise<void>;
    readonly onTransient?: (failure: { method: string; what: string; refused: boolean }) => void;
  } = {},
): PipelinePolicy {
  const random = hooks.random ?? Math.random;
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    name: 'storageRetryPolicy',
    async sendRequest(request, next) {
      const started = Date.now();
      const read = request.method === 'GET' || request.method === 'HEAD';
      for (let attempt = 1; ; attempt++) {
        request.timeout = options.tryTimeoutMs;
        let response: PipelineResponse | undefined;
        let thrown: unknown;
        try {
          response = await next(request);
        } catch (error) {
          thrown = error;
        }
        // The SDK's deserialization (nearer the wire than this policy) throws error statuses as
        // RestErrors that carry the response.
        const answer = response ?? responseOf(thrown);
        const transient = answer ? transientAnswer(answer) : transientThrow(thrown, request);
        if (!transient) {
          if (response) return response;
          throw thrown;
        }
        hooks.onTransient?.({ method: request.method, what: transient.what, refused: transient.refused });
        const wait = Math.min(transient.retryAfterMs ?? backoffDelay(attempt, random(), options), 60_000);
        const safe = read || transient.refused;
        const inBudget = Date.now() - started + wait <= options.budgetMs;
        if (!safe || attempt >= options.attempts || !inBudget) {
          throw new StorageBusyError(
            `Storage ${transient.what} (${request.method} ${pathOf(request)}, ${attempt} tries)`,
            { retryAfterMs: wait, ambiguous: !safe, cause: thrown ?? transient.what },
          );
        }
        await sleep(wait);
      }
    },
  };
}

function responseOf(error: unknown): PipelineResponse | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { response, statusCode } = error as { response?: PipelineResponse; statusCode?: number };
  return typeof statusCode === 'number' && response ? response : undefined;
}

function transientAnswer(response: PipelineResponse): Transient | undefined {
  const { status } = response;
  if (![408, 429, 500, 502, 503, 504].includes(status)) return undefined;
  const code = response.headers.get('x-ms-error-code') ?? '';
  const retryAfterMs = retryAfterOf(response);
  // 503 ServerBusy and 429 are refusals: storage did not start the work. A 500 may have applied it.
  const refused = status === 429 || (status === 503 && (code === '' || code === 'ServerBusy'));
  return {
    refused,
    what: `answered ${status}${code ? ` ${code}` : ''}`,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

function transientThrow(error: unknown, request: PipelineRequest): Transient | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { name?: string; code?: string; message?: string };
  if (e.name === 'AbortError') {
    // The caller's own abort is not storage's fault.
    if (request.abortSignal?.aborted) return undefined;
    return { refused: false, what: `did not answer within the try timeout` };
  }
  if (e.code !== 'REQUEST_SEND_ERROR') return undefined;
  const refused = /ECONNREFUSED/.test(e.message ?? '');
  return { refused, what: refused ? 'refused the connection' : `connection lost (${e.message ?? ''})` };
}

/** `x-ms-retry-after-ms`, `retry-after-ms`, or `Retry-After` in seconds or as a date. */
function retryAfterOf(response: PipelineResponse): number | undefined {
  for (const name of ['x-ms-retry-after-ms', 'retry-after-ms']) {
    const ms = Number(response.headers.get(name));
    if (response.headers.get(name) && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(at - Date.now(), 0);
}

const pathOf = (request: PipelineRequest): string => {
  try {
    return new URL(request.url).pathname;
  } catch {
    return request.url;
  }
};
