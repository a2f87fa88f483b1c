import type { DomainEvent } from '../events/domain-event';

/**
 * The seam between the outbox relay (which events are pending, leases, retries, delivery state) and
 * the bot (who hears about an event and how a post reaches Teams). The relay knows nothing of Teams;
 * the bot knows nothing of leases or backoff.
 */

/** Where one notification goes. `key` is stable across restarts: delivery state is kept per (event, key). */
export type NotificationTarget = {
  readonly key: string;
  readonly kind: 'channel' | 'personal';
};

/** What one send attempt came to; the relay decides what happens next. */
export type SendOutcome =
  | { readonly kind: 'sent' }
  /** 429 (with its Retry-After), 412/5xx, a network fault: try this target again later. */
  | { readonly kind: 'retry'; readonly reason: string; readonly afterMs?: number }
  /** 403/404 from Teams (the bot left, the conversation is gone): final for this target. */
  | { readonly kind: 'gone'; readonly reason: string };

export interface NotificationChannel {
  /** Every target that should hear of the event (subscribed channels, the deal owner's chat...). */
  targetsFor(event: DomainEvent): Promise<readonly NotificationTarget[]>;
  send(target: NotificationTarget, event: DomainEvent): Promise<SendOutcome>;
}
