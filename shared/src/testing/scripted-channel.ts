import type { DomainEvent } from '../events/domain-event';
import type { NotificationChannel, NotificationTarget, SendOutcome } from '../application/notification-ports';

export type ScriptedSend = {
  readonly eventId: string;
  readonly target: string;
  readonly outcome: SendOutcome;
  /** Wall-clock ms when the send finished. */
  readonly at: number;
};

/** What a send to `target` answers on its `attempt`-th try (1-based); default `sent`. */
export type SendScript = (target: NotificationTarget, event: DomainEvent, attempt: number) => SendOutcome;

/**
 * A NotificationChannel for relay tests: fixed targets per event, outcomes scripted per attempt
 * (retry with or without Retry-After, gone, a throw), an optional delay per send, and a record of
 * every send so tests can count deliveries and duplicates.
 */
export class ScriptedChannel implements NotificationChannel {
  readonly sends: ScriptedSend[] = [];
  private readonly attempts = new Map<string, number>();

  constructor(
    private readonly options: {
      readonly targets: (event: DomainEvent) => readonly NotificationTarget[];
      readonly script?: SendScript;
      readonly delayMs?: number;
      /** Called before each send returns (to stop a relay between two sends, say). */
      readonly onSend?: (send: ScriptedSend) => void;
    },
  ) {}

  async targetsFor(event: DomainEvent): Promise<readonly NotificationTarget[]> {
    return this.options.targets(event);
  }

  async send(target: NotificationTarget, event: DomainEvent): Promise<SendOutcome> {
    const key = `${event.id}>${target.key}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    const outcome = this.options.script?.(target, event, attempt) ?? { kind: 'sent' };
    const send = { eventId: event.id, target: target.key, outcome, at: Date.now() };
    this.sends.push(send);
    this.options.onSend?.(send);
    return outcome;
  }

  /** Successful sends per `${eventId}>${target}`. */
  delivered(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const s of this.sends) {
      if (s.outcome.kind !== 'sent') continue;
      const key = `${s.eventId}>${s.target}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }
}
