import { ERROR_CODES, type ErrorCode, type ErrorKind } from './error-codes';

/** `message` is for logs and developers; users see text chosen by their transport from `code`. */
export type DomainError = {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field-level problems for VALIDATION.FAILED: path → message. */
  readonly fields?: Readonly<Record<string, string>>;
  readonly details?: Readonly<Record<string, unknown>>;
};

export const domainError = (
  code: ErrorCode,
  message: string,
  extra: Pick<DomainError, 'fields' | 'details'> = {},
): DomainError => ({ code, message, ...extra });

export const errorKind = (code: ErrorCode): ErrorKind => ERROR_CODES[code];

/** Thrown only where a failure is not a business outcome (bugs, infrastructure) but carries a code anyway. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'DomainFailure';
  }
}
