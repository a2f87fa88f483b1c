/**
 * The SDK reports a failed transaction in `err.code` and a failed single operation in
 * `err.details.errorCode`; both carry the HTTP status.
 */
type TableError = { statusCode?: number; code?: string; details?: { errorCode?: string } };

export const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null ? (error as TableError).statusCode : undefined;

export const errorCodeOf = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as TableError;
  return e.code ?? e.details?.errorCode;
};

export const isNotFound = (error: unknown): boolean => statusOf(error) === 404;

/** 404 (a row to update or delete is gone), 409 (a row to create exists), 412 (ETag changed). */
export const isConflict = (error: unknown): boolean => {
  const status = statusOf(error);
  return status === 404 || status === 409 || status === 412;
};

/** Which operation of a failed transaction failed: its message starts with the index (`"1:The specified…"`). */
export const failedOperation = (error: unknown): number | undefined => {
  const message = error instanceof Error ? error.message : undefined;
  const match = message ? /^(\d+):/.exec(message) : null;
  return match ? Number(match[1]) : undefined;
};
