import { randomBytes } from 'node:crypto';
import type { DomainEvent } from '../../events/domain-event';
import type { NotificationChannel } from '../../application/notification-ports';
import type { OutboxRepository, RecordRepository } from '../../application/ports';
import {
  startOutboxRelay,
  type OutboxRelay,
  type OutboxRelayOptions,
} from '../../application/relay/outbox-relay';
import type { RelayLog } from '../../application/relay/relay-ports';
import { withOutboxSignal } from '../../application/relay/signalling-records';
import { connectTableStorage } from '../../storage/connect';
import { systemClock } from '../../storage/ids';
import { connectOutboxQueue, type OutboxQueue } from '../../storage/queue-outbox-signal';
import { aLeadConvertedEvent } from '../../testing/builders';

/**
 * `@crm/shared/testing/relay` (Node, integration tests only; under runtime/ because it wires storage and
 * testing together): the outbox relay over the Azurite of the
 * Jest global setup, in its own tables and queue, with quick timings and captured logs.
 */
export type Logged = { readonly level: string; readonly fields: object; readonly message: string };

export const FAST_RELAY: Partial<OutboxRelayOptions> = {
  sweepMs: 60_000,
  poll: { minMs: 20, maxMs: 100 },
  markGraceMs: 0,
  backoff: { baseMs: 40, capMs: 400 },
  storageBackoff: { baseMs: 40, capMs: 400 },
  busyRecheckMs: 100,
};

export type RelayHarnessOptions = Partial<OutboxRelayOptions> & {
  readonly owner?: string;
  /** false: no queue (a lost signal); the sweep alone finds events. */
  readonly withQueue?: boolean;
  readonly outbox?: OutboxRepository;
};

export function relayHarness() {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString)
    throw new Error('TEST_STORAGE_CONNECTION_STRING is not set (integration globalSetup)');
  const tablePrefix = `r${randomBytes(5).toString('hex')}`;
  const storage = connectTableStorage({ connectionString }, { tablePrefix });
  const queue = connectOutboxQueue({ connectionString }, { tablePrefix }) as OutboxQueue;
  const logs: Logged[] = [];
  const log: RelayLog = {
    info: (fields, message) => logs.push({ level: 'info', fields, message }),
    warn: (fields, message) => logs.push({ level: 'warn', fields, message }),
    error: (fields, message) => logs.push({ level: 'error', fields, message }),
    debug: () => undefined,
  };
  const records: RecordRepository = withOutboxSignal(storage.records, {
    index: storage.pendingOutbox,
    signal: queue,
    clock: systemClock,
    log,
  });
  const relays: OutboxRelay[] = [];
  return {
    storage,
    queue,
    records,
    logs,
    async open() {
      await storage.ensureTables();
      await queue.ensureQueue();
    },
    relay(channel: NotificationChannel, options: RelayHarnessOptions = {}): OutboxRelay {
      const relay = startOutboxRelay(
        {
          outbox: options.outbox ?? storage.outbox,
          index: storage.pendingOutbox,
          leases: storage.relayLeases,
          ...(options.withQueue === false ? {} : { wakeups: queue }),
          channel,
          clock: systemClock,
          random: Math.random,
          log,
        },
        { ...FAST_RELAY, ...options, owner: options.owner ?? `relay-${relays.length + 1}` },
      );
      relays.push(relay);
      return relay;
    },
    /** Commits each event in its own change set, as use cases do, through the signalling records. */
    async commit(events: readonly DomainEvent[]): Promise<void> {
      for (const event of events) {
        const result = await records.commit(event.workspaceId, { writes: [], events: [event] });
        if (!result.ok) throw new Error(result.error.code);
      }
    },
    async pendingCount(ws: string): Promise<number> {
      return (await storage.outbox.pending(ws, 1000)).length;
    },
    async stopAll(): Promise<void> {
      await Promise.all(relays.map((r) => r.stop()));
    },
  };
}

export type RelayHarness = ReturnType<typeof relayHarness>;

/** Polls a condition (never a fixed sleep): tests stay correct on a slow, busy machine. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  ms = 45_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const uniqueWs = (): string => `ws${randomBytes(6).toString('hex')}`;
export const eventsIn = (ws: string, n: number): DomainEvent[] =>
  Array.from({ length: n }, () => aLeadConvertedEvent({ workspaceId: ws }));
