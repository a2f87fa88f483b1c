import { storageContract } from './contracts/storage.contract';
import { createInMemoryStorage } from './in-memory-storage';

storageContract('in-memory storage', async () => createInMemoryStorage());
