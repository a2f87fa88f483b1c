import { storageContract } from '../testing/contracts/storage.contract';
import { connectTableStorage } from './connect';

/** The storage contract against Azurite; this file's tables have their own prefix. */
storageContract(
  'Table storage (Azurite)',
  async () => {
    const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
    if (!connectionString) {
      throw new Error('TEST_STORAGE_CONNECTION_STRING is not set (integration globalSetup)');
    }
    const storage = connectTableStorage(
      { connectionString },
      { tablePrefix: `contract${Date.now().toString(36)}` },
    );
    await storage.ensureTables();
    return storage;
  },
  { propertyRuns: 15 },
);
