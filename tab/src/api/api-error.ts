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

/** What the server said about a refused request, beyond its code: per field and in a sentence. */
export type ProblemText = {
  /** Field path → the reason it was refused ("completed" → "only for tasks"). */
  readonly reasons?: Readonly<Record<string, string>>;
  /** The problem's `detail`: one sentence ("Only a task can be completed, not a call."). */
  readonly detail?: string;
};

/**
 * A failed API call: the problem's stable `code` and its kind (the user's sentence comes from the
 * code); field paths and, for a refused request (4xx), what the server said about each field, so a
 * form can show the reason next to the field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields: readonly string[] = [],
    readonly requestId?: string,
    /** The problem's `details` (which stage is still in use, …), for a sentence of the client's own. */
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly problem: ProblemText = {},
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
 * What the server said about a refused request, one line per point: each field with its value (when
 * the form has one) and reason, else the problem's sentence. Nothing for server failures (5xx),
 * whose text is for the logs.
 */
export function problemLines(
  error: unknown,
  describe: (field: string) => { readonly label?: string; readonly value?: string } = () => ({}),
): readonly string[] {
  if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500) return [];
  const reasons = Object.entries(error.problem.reasons ?? {});
  if (reasons.length === 0) return error.problem.detail ? [error.problem.detail] : [];
  return reasons.map(([field, reason]) => {
    const { label = field, value } = describe(field);
    return value ? `${label} (${value}): ${reason}` : `${label}: ${reason}`;
  });
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

/**
 * The user's sentence followed by what the server said, for places with no form field to put a
 * reason next to (an action's notice, a toast, a bulk result): the problem's own sentence, then each
 * field's reason that sentence does not already name ("Some of the data is not valid. Only a task can
 * be completed, not a call."). A code with a sentence of its own (in the user's language) says it
 * all; server failures (5xx) say only the user's sentence.
 */
export function errorText(error: unknown, t: Translate): string {
  const sentence = errorMessage(error, t);
  if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500) return sentence;
  if (t(`errors.code.${error.code.replace(/\./g, '_')}`, { defaultValue: '' })) return sentence;
  const detail = error.problem.detail ?? '';
  const named = (field: string) => detail.toLowerCase().includes(field.toLowerCase());
  const reasons = Object.entries(error.problem.reasons ?? {}).filter(([field]) => !named(field));
  return [sentence, detail, ...reasons.map(([field, reason]) => `${field}: ${reason}`)]
    .filter(Boolean)
    .join(' ');
}
