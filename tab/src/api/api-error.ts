import {
  ERROR_CODES,
  TRANSPORT_CODES,
  type ErrorCode,
  type ErrorKind,
  type TransportCode,
  type TransportKind,
} from '@crm/shared';

/** Failure kinds the transport adds to the domain's. */
export type ClientErrorKind = ErrorKind | TransportKind | 'network' | 'unknown';

/**
 * A failed API call: the problem's stable `code` and its kind, never the server's text (which stays
 * in `requestId`-keyed server logs). Field paths come from validation problems.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields: readonly string[] = [],
    readonly requestId?: string,
    /** The problem's `details` (which stage is still in use, …), for a sentence of the client's own. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }

  get kind(): ClientErrorKind {
    if (this.status === 0) return 'network';
    if (this.code in ERROR_CODES) return ERROR_CODES[this.code as ErrorCode];
    if (this.code in TRANSPORT_CODES) return TRANSPORT_CODES[this.code as TransportCode];
    switch (this.status) {
      case 401:
        return 'unauthenticated';
      case 429:
        return 'rate-limited';
      case 403:
        return 'forbidden';
      case 404:
        return 'not-found';
      case 409:
        return 'conflict';
      case 412:
        return 'stale';
      case 428:
        return 'precondition-required';
      case 400:
      case 413:
      case 415:
        return 'invalid';
      default:
        return 'unknown';
    }
  }
}

/**
 * Whether React Query asks again after a failed read: once, except when the API client has already
 * retried it (busy answers, a lost connection) — a second round of retries would only add load.
 */
export const retryQuery = (failures: number, error: unknown): boolean =>
  failures < 1 && !(error instanceof ApiError && [0, 429, 503].includes(error.status));

/** A 412: someone else changed the record since it was read. */
export const isStale = (error: unknown): boolean => error instanceof ApiError && error.kind === 'stale';

type Translate = (key: string, options?: { defaultValue?: string }) => string;

/** The user's sentence for any error: the code's own if we have one, else its kind's, else a generic one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  const kind = error.kind;
  if (kind === 'network') return t('errors.network');
  const generic = t('errors.generic');
  const byKind = kind === 'unknown' ? generic : t(`errors.kind.${kind}`, { defaultValue: generic });
  return t(`errors.code.${error.code.replace(/\./g, '_')}`, { defaultValue: byKind });
}
