import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { isLoopback } from '@crm/shared/runtime';
import { sendTransportError } from '../http/problem';

/** What a request says about where it came from: the socket's peer and the headers proxies add. */
export type RequestOrigin = {
  readonly remoteAddress?: string | undefined;
  readonly headers: IncomingHttpHeaders;
  /** Express's `env` (NODE_ENV): a production build has no development sign-in at all. */
  readonly env?: string;
};

/**
 * Headers that a proxy, tunnel, load balancer or CDN adds and a browser or curl on this machine does
 * not: RFC 7239 and the de-facto `X-Forwarded-*`, nginx's `X-Real-IP`, HTTP's `Via`, App Service's
 * `X-Client-IP`/`X-ARR-*`/`X-Original-*`, Front Door's `X-Azure-*`, and the CDNs' client-IP headers.
 */
const PROXY_HEADERS = new Set([
  'forwarded',
  'via',
  'x-real-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'disguised-host',
]);
const PROXY_HEADER_PREFIXES = ['x-forwarded-', 'x-original-', 'x-arr-', 'x-azure-'];

const isProxyHeader = (name: string): boolean =>
  PROXY_HEADERS.has(name) || PROXY_HEADER_PREFIXES.some((prefix) => name.startsWith(prefix));

/** The names this machine answers to in a Host header, each with or without a port. */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** `::ffff:127.0.0.1` is how an IPv4 peer looks on a dual-stack socket. */
const peerOf = (address: string): string => address.replace(/^::ffff:/i, '');

/**
 * Why a request may not reach a this-machine-only endpoint, or undefined when it may. A bind address
 * proves nothing once a tunnel or reverse proxy runs on the same machine (its requests arrive from
 * loopback), so all are required: not a production build, a loopback peer, no header any proxy adds,
 * and a Host of `localhost`, `127.0.0.1` or `[::1]` (a tunnel passes the public name through).
 */
export function whyNotLocal(req: RequestOrigin): string | undefined {
  if (req.env === 'production') return 'this is a production build (NODE_ENV=production)';
  if (!req.remoteAddress || !isLoopback(peerOf(req.remoteAddress)))
    return 'the caller is not on this machine';
  const forwarded = Object.keys(req.headers).find((name) => isProxyHeader(name.toLowerCase()));
  if (forwarded) return `the request came through a proxy (${forwarded})`;
  const host = req.headers.host;
  if (!host || !LOCAL_HOST.test(host.toLowerCase())) return 'the request names another host';
  return undefined;
}

/** Guards development sign-in: 403 `AUTH.LOCAL_ONLY` for anything but a direct request from this machine. */
export const localOnly: RequestHandler = (req, res, next) => {
  const reason = whyNotLocal({
    remoteAddress: req.socket.remoteAddress,
    headers: req.headers,
    env: String(req.app.get('env')),
  });
  if (!reason) return next();
  req.log.warn({ reason }, 'development sign-in refused');
  return sendTransportError(
    req,
    res,
    'AUTH.LOCAL_ONLY',
    'Development sign-in answers only direct requests from this machine, never in a production build; use Teams sign-in (AUTH_MODE=entra).',
  );
};
