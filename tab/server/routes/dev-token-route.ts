import type { RequestHandler } from 'express';
import { parseInput } from '@crm/shared';
import type { DevTokenIssuer } from '../auth/dev-token-issuer';
import { sendDomainError } from '../http/problem';
import type { OperationDoc } from '../openapi/operation-doc';
import { DevTokenRequestSchema, DevTokenResponseSchema } from './schemas';

/** `POST /api/dev/token` {tenantId, userId, name?} → {token}: local sign-in, mounted only in dev mode. */
export const devTokenRoute =
  (issuer: DevTokenIssuer): RequestHandler =>
  async (req, res) => {
    const input = parseInput(DevTokenRequestSchema, req.body);
    if (!input.ok) return sendDomainError(req, res, input.error);
    const { tenantId, userId, name } = input.value;
    const token = await issuer.issue({ tenantId, userId, ...(name ? { name } : {}) });
    res.status(200).json({ token });
  };

/** `POST /api/dev/token`, for the OpenAPI document (present only in dev mode, like the route). */
export const DEV_TOKEN_OPERATION: OperationDoc = {
  method: 'post',
  path: '/api/dev/token',
  scope: 'public',
  tag: 'service',
  operationId: 'issueDevToken',
  summary: 'Sign in locally (development only)',
  description:
    'AUTH_MODE=dev only, and only for direct requests from the machine the server runs on: mints an access token for ' +
    '{tenantId, userId, name?}, checked like a Teams SSO token (8 h). Use it as Authorization: Bearer <token>.',
  body: DevTokenRequestSchema,
  success: { status: 200, description: 'The token', schema: DevTokenResponseSchema },
  errors: {
    403: 'AUTH.LOCAL_ONLY: the request came through a proxy or tunnel, or from another machine',
    429: 'REQUEST.RATE_LIMITED: more than 60 a minute from one address',
  },
};
