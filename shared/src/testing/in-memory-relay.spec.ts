import { relayStorageContract } from './contracts/relay-storage.contract';
import { InMemoryPendingOutboxIndex, InMemoryRelayLeases } from './in-memory-relay';

relayStorageContract('in-memory relay storage', async () => ({
  index: new InMemoryPendingOutboxIndex(),
  leases: new InMemoryRelayLeases(),
}));
