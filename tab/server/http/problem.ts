import type { Request, Response } from 'express';
import { errorKind, type DomainError, type ErrorKind, type TransportCode } from '@crm/shared';

/** RFC 9457 problem details, with our stable `code` and the request id to quote to support. */
export type Problem = {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fields?: Readonly<Record<string, string>>;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly requestId: string;
};

/** The one map from a domain failure's kind to HTTP. Adding a kind breaks the build until it is mapped. */
const BY_KIND = {
  invalid: { status: 400, title: 'The request is not valid' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  stale: { status: 412, title: 'The record changed since you read it' },
  'precondition-required': { status: 428, title: 'If-Match is required' },
  forbidden: { status: 403, title: 'Not allowed' },
  gone: { status: 410, title: 'Gone' },
} as const satisfies { [K in ErrorKind]: { status: number; title: string } };

const BY_TRANSPORT_CODE = {
  'AUTH.UNAUTHENTICATED': { status: 401, title: 'Sign-in required' },
  'AUTH.LOCAL_ONLY': { status: 403, title: 'Only from this machine' },
  'REQUEST.MALFORMED': { status: 400, title: 'The request is not valid' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { status: 415, title: 'Unsupported content type' },
  'REQUEST.TOO_LARGE': { status: 413, title: 'The request body is too large' },
  'REQUEST.RATE_LIMITED': { status: 429, title: 'Too many requests' },
  'IMPORT.QUEUE_FULL': { status: 429, title: 'This workspace has enough imports waiting' },
  'IMPORT.SPOOL_FULL': { status: 429, title: 'The server has no room for another import now' },
  'IMPORT.TOO_MANY_COLUMNS': { status: 400, title: 'A record of the file has too many columns' },
  'IMPORT.RECORD_TOO_LARGE': { status: 413, title: 'A record of the file is too large' },
  'IMPORT.WORKBOOK_TOO_LARGE': { status: 413, title: 'The workbook is over a limit of an import' },
  'IMPORT.UNREADABLE_WORKBOOK': { status: 400, title: 'The file is not a workbook the import reads' },
  'IMPORT.TOO_MANY_AT_ONCE': { status: 429, title: 'You have enough imports running' },
  'IMPORT.SERVER_BUSY': { status: 429, title: 'The server is busy with other imports' },
  'ROUTE.NOT_FOUND': { status: 404, title: 'Not found' },
  'ROUTE.METHOD_NOT_ALLOWED': { status: 405, title: 'Method not allowed' },
  'STORAGE.BUSY': { status: 503, title: 'Storage is busy' },
  'SERVER.NOT_READY': { status: 503, title: 'Not ready' },
  'SERVER.INTERNAL': { status: 500, title: 'Something went wrong on our side' },
} as const satisfies { [C in TransportCode]: { status: number; title: string } };

const typeUri = (code: string): string => `urn:pipeline-crm:problem:${code.toLowerCase()}`;

export function domainProblem(error: DomainError, requestId: string): Problem {
  const { status, title } = BY_KIND[errorKind(error.code)];
  return {
    type: typeUri(error.code),
    title,
    status,
    code: error.code,
    detail: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
    ...(error.details ? { details: error.details } : {}),
    requestId,
  };
}

export function transportProblem(
  code: TransportCode,
  detail: string,
  requestId: string,
  details?: Readonly<Record<string, unknown>>,
): Problem {
  const { status, title } = BY_TRANSPORT_CODE[code];
  return { type: typeUri(code), title, status, code, detail, ...(details ? { details } : {}), requestId };
}

export const requestIdOf = (req: Request): string => String(req.id ?? '');

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').json(problem);
}

export const sendDomainError = (req: Request, res: Response, error: DomainError): void =>
  sendProblem(res, domainProblem(error, requestIdOf(req)));

export const sendTransportError = (
  req: Request,
  res: Response,
  code: TransportCode,
  detail: string,
  details?: Readonly<Record<string, unknown>>,
): void => sendProblem(res, transportProblem(code, detail, requestIdOf(req), details));
