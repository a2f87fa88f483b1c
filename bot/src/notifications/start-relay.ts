import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { startOutboxRelay, type NotificationChannel, type OutboxRelay } from '@crm/shared/application';
import type { OutboxQueue, TableStorage } from '@crm/shared/storage';
import { systemClock } from '@crm/shared/storage';
import type { Logger } from 'pino';

/** The bot process runs the outbox relay: storage, the wake-up queue and the Teams channel, wired once. */
export function startRelay(options: {
  readonly storage: TableStorage;
  readonly queue: OutboxQueue | undefined;
  readonly channel: NotificationChannel;
  readonly logger: Logger;
}): OutboxRelay {
  const { storage, queue, channel, logger } = options;
  return startOutboxRelay(
    {
      outbox: storage.outbox,
      index: storage.pendingOutbox,
      leases: storage.relayLeases,
      ...(queue ? { wakeups: queue } : {}),
      channel,
      clock: systemClock,
      random: Math.random,
      log: logger.child({ component: 'outbox-relay' }),
    },
    // Unique per process, so a restarted instance does not mistake a dead one's lease for its own.
    { owner: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}` },
  );
}
