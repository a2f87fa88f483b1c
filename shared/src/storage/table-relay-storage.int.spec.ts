import { relayStorageContract } from '../testing/contracts/relay-storage.contract';
import { connectTableStorage } from './connect';
import { connectOutboxQueue } from './queue-outbox-signal';

const connectionString = (): string => {
  const value = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!value) throw new Error('TEST_STORAGE_CONNECTION_STRING is not set (integration globalSetup)');
  return value;
};

relayStorageContract('Table relay storage (Azurite)', async () => {
  const storage = connectTableStorage(
    { connectionString: connectionString() },
    { tablePrefix: `relay${Date.now().toString(36)}` },
  );
  await storage.ensureTables();
  return { index: storage.pendingOutbox, leases: storage.relayLeases };
});

describe('the outbox queue (Azurite)', () => {
  it('carries workspace ids from the committing process to a relay, each message once', async () => {
    const queue = connectOutboxQueue(
      { connectionString: connectionString() },
      { tablePrefix: `q${Date.now().toString(36)}` },
    );
    if (!queue) throw new Error('the test connection string names a queue endpoint');
    await queue.ensureQueue();
    await queue.notify('ws-a');
    await queue.notify('ws-b');
    await queue.notify('ws-a');

    const received = new Set<string>();
    for (let i = 0; i < 20 && received.size < 2; i++)
      for (const ws of await queue.receive()) received.add(ws);

    expect([...received].sort()).toEqual(['ws-a', 'ws-b']);
    expect(await queue.receive()).toEqual([]);
  });

  it('is absent when the connection string names only a table endpoint (the sweep alone then)', () => {
    const tableOnly = connectionString().replace(/QueueEndpoint=[^;]*;/, '');
    expect(connectOutboxQueue({ connectionString: tableOnly }, { tablePrefix: 'x' })).toBeUndefined();
  });
});
