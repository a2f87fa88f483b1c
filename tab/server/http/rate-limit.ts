import type { Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { clientAddress } from './client-address';
import { sendTransportError } from './problem';
import { actorOf } from './request-context';

export type RateLimitOptions = { readonly windowMs: number; readonly limit: number };

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { windowMs: 60_000, limit: 3_000 };
/** Before sign-in, per client address: generous, since a whole office may share one address. */
export const DEFAULT_ADDRESS_RATE_LIMIT: RateLimitOptions = { windowMs: 60_000, limit: 6_000 };

/**
 * The client's address: the socket's peer, or what a proxy says only when `trust proxy` names that
 * proxy (then Express puts it in `req.ip`), without the `:port` some proxies add. IPv6 clients are
 * grouped by their /56.
 */
const addressKey = (req: Request): string =>
  `ip:${ipKeyGenerator(clientAddress(req.ip ?? req.socket.remoteAddress ?? 'unknown'))}`;

const limiter = (options: RateLimitOptions, key: (req: Request, res: Response) => string) =>
  rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: key,
    // X-Forwarded-For without `trust proxy` is expected (and ignored on purpose), not a misconfiguration.
    validate: { xForwardedForHeader: false },
    handler: (req, res) =>
      sendTransportError(
        req,
        res,
        'REQUEST.RATE_LIMITED',
        'Too many requests; wait as long as Retry-After says.',
      ),
  });

/**
 * Counts requests per signed-in user (tenant + object id), or per client address before sign-in,
 * and answers 429 with Retry-After once the window's budget is spent.
 */
export const perUserRateLimit = (options: RateLimitOptions) =>
  limiter(options, (req, res) => {
    const actor = actorOf(res);
    return actor ? `user:${actor.tenantId}:${actor.userId}` : addressKey(req);
  });

/** Counts every request per client address before its token is checked, so bad tokens are limited too. */
export const perAddressRateLimit = (options: RateLimitOptions) => limiter(options, addressKey);
