import { importStorageContract } from './contracts/import-storage.contract';
import { createInMemoryStorage } from './in-memory-storage';

importStorageContract('in-memory import storage', async () => createInMemoryStorage());
