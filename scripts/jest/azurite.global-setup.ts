import { startAzurite } from '../../shared/src/storage/azurite';

// One in-memory Azurite for the whole integration run; workers inherit the connection string
// through the environment and isolate themselves with their own table names.
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __AZURITE__?: typeof azurite }).__AZURITE__ = azurite;
}
