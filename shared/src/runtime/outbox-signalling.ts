import type { OutboxSignal, RelayLog } from '../application/relay/relay-ports';
import { allSignals, withOutboxSignal, withRequeueSignal } from '../application/relay/signalling-records';
import type { OutboxRepository, RecordRepository } from '../application/ports';
import { connectTableStorage, type TableStorage, type TableStorageConfig } from '../storage/connect';
import { storageTransientCounter } from '../telemetry/telemetry';
import { systemClock } from '../storage/ids';
import { connectOutboxQueue, type OutboxQueue } from '../storage/queue-outbox-signal';

export type OutboxSignalling = {
  /** The wake-up queue; absent when the storage has no queue endpoint (the relay's sweep alone then). */
  readonly queue?: OutboxQueue;
  /** The records repository every use case of this process commits through: marks, then signals. */
  records(local?: OutboxSignal): RecordRepository;
  /** The outbox owners requeue dead letters through: marks, then signals, like a commit. */
  outbox(local?: OutboxSignal): OutboxRepository;
};

/**
 * What every committing process (tab server, bot) does alike so the relay hears of new events:
 * connect the queue, and wrap the records repository. `local` adds an in-process signal (the bot's
 * own relay).
 */
export async function connectOutboxSignalling(
  config: TableStorageConfig,
  storage: TableStorage,
  options: { readonly tablePrefix: string; readonly log: RelayLog },
): Promise<OutboxSignalling> {
  const queue = connectOutboxQueue(config, { tablePrefix: options.tablePrefix });
  // A queue we cannot create (no permission yet, a hiccup) must not stop the process: signals are
  // best effort and the relay's sweep still finds every event.
  if (!queue) {
    options.log.warn(
      {},
      'no queue endpoint in the storage configuration: notifications wait for the relay sweep',
    );
  } else {
    await queue.ensureQueue().catch((error: unknown) => {
      options.log.warn({ err: error }, 'outbox queue not available: notifications wait for the relay sweep');
    });
  }
  const signalDeps = (local: OutboxSignal | undefined) => ({
    index: storage.pendingOutbox,
    signal: allSignals(...[queue, local].filter((s): s is OutboxSignal => s !== undefined)),
    clock: systemClock,
    log: options.log,
  });
  return {
    ...(queue ? { queue } : {}),
    records: (local) => withOutboxSignal(storage.records, signalDeps(local)),
    outbox: (local) => withRequeueSignal(storage.outbox, signalDeps(local)),
  };
}

/**
 * A committing process's storage as it starts: the tables (made sure of, transient faults counted)
 * and the outbox's signalling over them.
 */
export async function openStorage(
  config: { readonly storage: TableStorageConfig; readonly tablePrefix: string },
  log: RelayLog,
): Promise<{ readonly storage: TableStorage; readonly signalling: OutboxSignalling }> {
  const storage = connectTableStorage(config.storage, {
    tablePrefix: config.tablePrefix,
    onTransient: storageTransientCounter(),
  });
  await storage.ensureTables();
  const signalling = await connectOutboxSignalling(config.storage, storage, {
    tablePrefix: config.tablePrefix,
    log,
  });
  return { storage, signalling };
}
