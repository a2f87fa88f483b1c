import type { RequestHandler } from 'express';
import { sendTransportError } from '../http/problem';
import { setActor } from '../http/request-context';
import type { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/** Requires a valid bearer token and records its actor; 401 with a reason otherwise (never the token). */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const token = BEARER.exec(req.get('authorization') ?? '')?.[1];
    const challenge = (error?: string) =>
      res.set('WWW-Authenticate', error ? `Bearer error="${error}"` : 'Bearer');
    if (!token) {
      challenge();
      return sendTransportError(
        req,
        res,
        'AUTH.UNAUTHENTICATED',
        'Send an access token: Authorization: Bearer <token>.',
      );
    }
    const verified = await verifier.verify(token);
    if (!verified.ok) {
      challenge('invalid_token');
      return sendTransportError(req, res, 'AUTH.UNAUTHENTICATED', verified.failure.reason);
    }
    setActor(res, verified.actor);
    next();
  };
}
