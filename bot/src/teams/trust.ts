import { isLoopback } from '@crm/shared/runtime';

type Incoming = { readonly channelId?: unknown; readonly serviceUrl?: unknown };

/**
 * Why an incoming activity is not one to act on, or undefined when it is. Only Microsoft Teams
 * (`channelId: msteams`); without a bot id (local runs) only a loopback `serviceUrl`, so an
 * unauthenticated request can never make the bot post to, or fetch a roster from, anywhere else.
 */
export function distrust(activity: Incoming, authenticated: boolean): string | undefined {
  if (activity.channelId !== 'msteams') return 'not a Microsoft Teams activity';
  if (authenticated) return undefined;
  return isLoopbackUrl(activity.serviceUrl) ? undefined : 'serviceUrl must be loopback without a bot id';
}

export function isLoopbackUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && isLoopback(host);
  } catch {
    return false;
  }
}
