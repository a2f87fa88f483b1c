import type { AppDeps } from '@crm/shared/application';
import { createInMemoryStorage, fixedClock, sequentialIds } from '@crm/shared/testing';

/** Use-case dependencies over the shared in-memory repositories, with a fixed clock and sequential ids. */
export function inMemoryAppDeps(): AppDeps {
  const storage = createInMemoryStorage();
  return {
    records: storage.records,
    workspaces: storage.workspaces,
    outbox: storage.outbox,
    teams: storage.teams,
    conversations: storage.conversations,
    clock: fixedClock(),
    ids: sequentialIds('id'),
  };
}
