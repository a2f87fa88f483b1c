import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { isLoopback } from '@crm/shared/runtime';
import { sendTransportError } from '../http/problem';

/** What a request says about where it came from: the socket's peer and the headers proxies add. */
export type RequestOrigin = {
  readonly remoteAddress?: string | undefined;
  readonly headers: IncomingHttpHeaders;
};

/** The hostname of a Host header (`[::1]:53000` → `[::1]`, `localhost:1` → `localhost`). */
const hostnameOf = (host: string): string =>
  host.startsWith('[') ? host.replace(/\]:\d+$/, ']') : host.replace(/:\d+$/, '');

/** `::ffff:127.0.0.1` is how an IPv4 peer looks on a dual-stack socket. */
const peerOf = (address: string): string => address.replace(/^::ffff:/i, '');

/**
 * Why a request may not reach a this-machine-only endpoint, or undefined when it may. A bind address
 * proves nothing once a tunnel or reverse proxy runs on the same machine (its requests arrive from
 * loopback), so all three are required: a loopback peer, no forwarding header of any proxy, and a Host
 * naming this machine (a tunnel passes the public name through).
 */
export function whyNotLocal(req: RequestOrigin): string | undefined {
  if (!req.remoteAddress || !isLoopback(peerOf(req.remoteAddress)))
    return 'the caller is not on this machine';
  const forwarded = Object.keys(req.headers).find(
    (name) => name === 'forwarded' || name.startsWith('x-forwarded-'),
  );
  if (forwarded) return `the request came through a proxy (${forwarded})`;
  const host = req.headers.host;
  if (!host || !isLoopback(hostnameOf(host.toLowerCase()))) return 'the request names another host';
  return undefined;
}

/** Guards development sign-in: 403 `AUTH.LOCAL_ONLY` for anything but a direct request from this machine. */
export const localOnly: RequestHandler = (req, res, next) => {
  const reason = whyNotLocal({ remoteAddress: req.socket.remoteAddress, headers: req.headers });
  if (!reason) return next();
  req.log.warn({ reason }, 'development sign-in refused');
  return sendTransportError(
    req,
    res,
    'AUTH.LOCAL_ONLY',
    'Development sign-in answers only direct requests from this machine; use Teams sign-in (AUTH_MODE=entra).',
  );
};
