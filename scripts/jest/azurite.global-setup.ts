import { startAzurite } from '../../shared/src/storage/azurite';

// One in-memory Azurite for the whole integration run; workers inherit the connection string
// through the environment and isolate themselves with their own table names.
export default async function globalSetup(): Promise<void> {
  // Blobs too: import job files live there (and backups), as in Azure.
  const azurite = await startAzurite({ blob: true });
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __AZURITE__?: typeof azurite }).__AZURITE__ = azurite;
}
