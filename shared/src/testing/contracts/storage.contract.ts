import { activityListsContract } from './activity-lists.contract';
import type { StorageUnderTest } from './contract-fixtures';
import { figuresContract } from './figures.contract';
import { mergeContract } from './merge.contract';
import { outboxContract } from './outbox.contract';
import { recordCommitContract } from './record-commit.contract';
import { recordListContract } from './record-list.contract';
import { recordRecycleContract } from './record-recycle.contract';
import { recordSortContract } from './record-sort.contract';
import { teamContract } from './team.contract';
import { workspaceContract } from './workspace.contract';

/**
 * The behaviour every implementation of the storage ports must have, run against the in-memory
 * fakes (`*.spec.ts`) and against Azurite (`*.int.spec.ts`). `open` runs once; each test works in
 * fresh workspaces, so one store serves the whole suite.
 */
export function storageContract(
  name: string,
  open: () => Promise<StorageUnderTest>,
  options: { readonly propertyRuns?: number } = {},
): void {
  describe(name, () => {
    let storage: StorageUnderTest | undefined;
    beforeAll(async () => {
      storage = await open();
    });
    const current = (): StorageUnderTest => {
      if (!storage) throw new Error('storage is not open');
      return storage;
    };
    recordCommitContract(current);
    recordListContract(current);
    activityListsContract(current);
    recordSortContract(current);
    recordRecycleContract(current);
    mergeContract(current);
    workspaceContract(current);
    outboxContract(current);
    teamContract(current);
    figuresContract(current, { runs: options.propertyRuns ?? 100 });
  });
}
