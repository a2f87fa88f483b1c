import type { DomainEvent } from '../../events/domain-event';
import type { NotificationChannel, NotificationTarget, SendOutcome } from '../notification-ports';
import type { Counters } from './relay-metrics';
import type { RelayLog } from './relay-ports';

/** One send through the channel, counted and logged; a throw becomes a retry (never escapes). */
export function countedSend(deps: {
  readonly channel: NotificationChannel;
  readonly counters: Counters;
  readonly log: RelayLog;
  readonly nowMs: () => number;
}): (target: NotificationTarget, event: DomainEvent) => Promise<SendOutcome> {
  const { counters, log } = deps;
  return async (target, event) => {
    const fields = {
      workspaceId: event.workspaceId,
      eventId: event.id,
      type: event.type,
      target: target.key,
    };
    let outcome: SendOutcome;
    try {
      outcome = await deps.channel.send(target, event);
    } catch (error) {
      counters.failures++;
      log.error({ ...fields, err: error }, 'notification send threw; retrying');
      return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    switch (outcome.kind) {
      case 'sent':
        counters.sent++;
        log.info({ ...fields, ageMs: deps.nowMs() - Date.parse(event.occurredAt) }, 'notification sent');
        break;
      case 'retry':
        counters.retries++;
        if (outcome.afterMs !== undefined) counters.rateLimited++;
        log.warn({ ...fields, reason: outcome.reason, afterMs: outcome.afterMs }, 'notification to retry');
        break;
      case 'gone':
        counters.gone++;
        log.warn({ ...fields, reason: outcome.reason }, 'notification target gone; dropped');
        break;
      default: {
        const unknown: never = outcome;
        return unknown;
      }
    }
    return outcome;
  };
}
