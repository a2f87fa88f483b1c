import type { NotificationChannel } from '@crm/shared/application';

/**
 * Who hears of an outbox event and how a post reaches Teams. Until the Teams side of the seam lands
 * (subscribed channels, the deal owner's chat), no event has a target: the relay runs and empties the
 * outbox without posting. Replacing this factory's result in `index.ts` is the one change needed.
 */
export function createNotificationChannel(): NotificationChannel {
  return {
    targetsFor: async () => [],
    send: async () => ({ kind: 'gone', reason: 'no Teams notification channel is wired yet' }),
  };
}
