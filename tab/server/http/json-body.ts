import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { sendTransportError } from './problem';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** True when the request carries a body at all (an empty POST is not a body). */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

/** JSON only (415 otherwise), at most `limit` (413). Malformed JSON surfaces in `bodyErrors` as 400. */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: false, type: JSON_TYPES });
  return (req, res, next) => {
    if (!hasBody(req.headers)) return next();
    if (!req.is(JSON_TYPES)) {
      return sendTransportError(
        req,
        res,
        'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        'Send the body as application/json.',
      );
    }
    parse(req, res, next);
  };
}

type BodyParserError = Error & { type?: string; status?: number };

/** Turns body-parser's failures into problems; anything else goes on to the last-resort handler. */
export const bodyErrors: ErrorRequestHandler = (error: BodyParserError, req, res, next) => {
  switch (error.type) {
    case 'entity.parse.failed':
      return sendTransportError(req, res, 'REQUEST.MALFORMED', 'The body is not valid JSON.');
    case 'entity.too.large':
      return sendTransportError(req, res, 'REQUEST.TOO_LARGE', 'The body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return sendTransportError(req, res, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON.');
    default:
      if (error.type && error.status && error.status >= 400 && error.status < 500) {
        return sendTransportError(req, res, 'REQUEST.MALFORMED', 'The body could not be read.');
      }
      return next(error);
  }
};
