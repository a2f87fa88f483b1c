import type { DomainEvent } from '@crm/shared';
import type { NotificationChannel, NotificationTarget, SendOutcome } from '@crm/shared/application';

/**
 * A test NotificationChannel that posts over real HTTP to the Bot Connector stand-in (one
 * conversation per target key) and reads the answer as Teams' would be read: 2xx sent, 429 retry
 * after its Retry-After, 403/404 gone, anything else retry. The Teams channel itself lives in the bot.
 */
export function connectorChannel(
  serviceUrl: string,
  targets: (event: DomainEvent) => readonly NotificationTarget[],
): NotificationChannel {
  return {
    targetsFor: async (event) => targets(event),
    async send(target, event): Promise<SendOutcome> {
      const response = await fetch(
        `${serviceUrl}/v3/conversations/${encodeURIComponent(target.key)}/activities`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            text: `${event.type}`,
            channelData: { eventId: event.id, occurredAt: event.occurredAt },
          }),
        },
      );
      await response.arrayBuffer();
      if (response.ok) return { kind: 'sent' };
      const reason = `HTTP ${response.status}`;
      if (response.status === 403 || response.status === 404) return { kind: 'gone', reason };
      const retryAfter = Number(response.headers.get('retry-after'));
      if (response.status === 429 && Number.isFinite(retryAfter) && retryAfter >= 0) {
        return { kind: 'retry', reason, afterMs: retryAfter * 1000 };
      }
      return { kind: 'retry', reason };
    },
  };
}
