import { TableClient } from '@azure/data-tables';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite } from './azurite';

// `npm start` relies on this: an entity Azurite acknowledged survives a Ctrl-C (SIGINT) and a restart.
describe('embedded Azurite on disk', () => {
  const location = mkdtempSync(join(tmpdir(), 'crm-azurite-'));
  afterAll(() => rmSync(location, { recursive: true, force: true }));

  it('given an acknowledged write, when stopped with SIGINT and restarted, then the write is still there', async () => {
    const first = await startAzurite({ location });
    const client = () =>
      TableClient.fromConnectionString(connection, 'persisted', { allowInsecureConnection: true });
    let connection = first.connectionString;
    await client().createTable();
    await client().createEntity({ partitionKey: 'p', rowKey: 'r', value: 'kept' });
    await first.stop();

    const second = await startAzurite({ location, port: first.port });
    connection = second.connectionString;
    try {
      const entity = await client().getEntity<{ value: string }>('p', 'r');
      expect(entity.value).toBe('kept');
    } finally {
      await second.stop();
    }
  }, 60_000);
});
