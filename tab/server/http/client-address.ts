import { isIP } from 'node:net';

/**
 * The bare IP of a client address as Express reports it (`req.ip`). Behind a trusted proxy that is
 * the proxy's X-Forwarded-For entry, and some Azure front ends write it as `IP:port`
 * (`203.0.113.7:50123`, `[2001:db8::7]:443`): each connection comes from another port, so keyed
 * as sent, every connection would get a bucket of its own. Anything that is not an IP with an
 * optional port is returned as it is.
 */
export function clientAddress(address: string): string {
  const trimmed = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(trimmed);
  if (bracketed?.[1] && isIP(bracketed[1]) === 6) return bracketed[1];
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(trimmed);
  if (ipv4WithPort?.[1] && isIP(ipv4WithPort[1]) === 4) return ipv4WithPort[1];
  return trimmed;
}
