import { randomBytes } from 'node:crypto';
import { withOutboxSignal, type AppDeps, type OutboxRelay } from '@crm/shared/application';
import { connectTableStorage, createIdGenerator, systemClock, type TableStorage } from '@crm/shared/storage';

/** Use-case dependencies over Azurite (integration globalSetup), in tables of their own. */
export async function azuriteAppDeps(prefix: string): Promise<AppDeps> {
  const storage = await azuriteStorage(prefix);
  return { ...storage, clock: systemClock, ids: createIdGenerator() };
}

/**
 * As the bot process wires them: commits mark the workspace for the relay and wake the relay given
 * to `wake` (in-process, as `src/index.ts` does), with the storage the relay itself reads.
 */
export async function azuriteRelayApp(prefix: string): Promise<{
  readonly app: AppDeps;
  readonly storage: TableStorage;
  readonly wake: (relay: OutboxRelay) => void;
}> {
  const storage = await azuriteStorage(prefix);
  const late: { relay?: OutboxRelay } = {};
  const records = withOutboxSignal(storage.records, {
    index: storage.pendingOutbox,
    signal: { notify: async (ws) => late.relay?.wake(ws) },
    clock: systemClock,
    log: { warn: () => undefined },
  });
  return {
    app: { ...storage, records, clock: systemClock, ids: createIdGenerator() },
    storage,
    wake: (relay) => {
      late.relay = relay;
    },
  };
}

async function azuriteStorage(prefix: string): Promise<TableStorage> {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString)
    throw new Error('TEST_STORAGE_CONNECTION_STRING is not set: run as an integration test');
  const storage = connectTableStorage(
    { connectionString },
    { tablePrefix: `${prefix}${randomBytes(4).toString('hex')}` },
  );
  await storage.ensureTables();
  return storage;
}
