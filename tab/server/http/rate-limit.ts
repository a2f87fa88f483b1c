import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sendTransportError } from './problem';
import { actorOf } from './request-context';

export type RateLimitOptions = { readonly windowMs: number; readonly limit: number };

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { windowMs: 60_000, limit: 3_000 };

/**
 * Counts requests per signed-in user (tenant + object id), or per client address before sign-in,
 * and answers 429 with Retry-After once the window's budget is spent.
 */
export const perUserRateLimit = (options: RateLimitOptions) =>
  rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const actor = actorOf(res);
      return actor ? `user:${actor.tenantId}:${actor.userId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (req, res) =>
      sendTransportError(
        req,
        res,
        'REQUEST.RATE_LIMITED',
        'Too many requests; wait as long as Retry-After says.',
      ),
  });
