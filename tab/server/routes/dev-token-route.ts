import type { RequestHandler } from 'express';
import { parseInput } from '@crm/shared';
import type { DevTokenIssuer } from '../auth/dev-token-issuer';
import { sendDomainError } from '../http/problem';
import { DevTokenRequestSchema } from './schemas';

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
