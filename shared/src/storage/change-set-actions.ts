import type { TransactionAction } from '@azure/data-tables';
import type { WorkspaceId } from '../common/types';
import { isRecordWrite, type ChangeSet, type Write } from '../records/change-set';
import { COMMIT_CAPACITY, planCommit } from '../records/row-plan';
import { isKeySafeId } from './record-keys';
import { indexRow, partitionRow, type Deletion, type Row } from './record-rows';

/** An entity-group transaction holds at most 100 operations. */
export const MAX_ACTIONS = COMMIT_CAPACITY;

export type PlannedCommit = {
  /** The one transaction in the workspace's partition. */
  readonly actions: TransactionAction[];
  /** `${kind}:${id}` → index of the action whose sub-response ETag is the record's new version. */
  readonly versionAt: ReadonlyMap<string, number>;
  /** Search-index rows written before the transaction (`create` for new records, else upsert). */
  readonly indexBefore: readonly { readonly row: Row; readonly fresh: boolean }[];
  /** Search-index rows deleted after it. */
  readonly indexAfter: readonly Row[];
};

const key = (row: Row): Pick<Row, 'partitionKey' | 'rowKey'> => ({
  partitionKey: row.partitionKey,
  rowKey: row.rowKey,
});

/**
 * Turns the row plan (records/row-plan.ts) into table operations: ONE transaction in the
 * workspace's partition, where each record row is written with the expected ETag (never "*"), and
 * the search-index rows around it. `deletions` holds the stored deletion of each record being
 * restored (its bin row key), `legacy` the records whose stored row predates activities' list rows
 * (row-plan.ts PlanOptions). Throws for change sets no caller should build.
 */
export function planChangeSet(
  ws: WorkspaceId,
  changes: ChangeSet,
  deletions: ReadonlyMap<string, Deletion>,
  legacy: ReadonlySet<string> = new Set(),
): PlannedCommit {
  for (const write of changes.writes) checkRecordId(write);
  const plan = planCommit(ws, changes, { legacy });
  const actions = plan.partition.map((op): TransactionAction => {
    const deletedAt =
      op.row.type === 'bin' ? deletions.get(`${op.row.kind}:${op.row.id}`)?.deletedAt : undefined;
    const row = partitionRow(ws, op.row, deletedAt);
    switch (op.action) {
      case 'create':
        return ['create', row];
      case 'upsert':
        return ['upsert', row, 'Replace'];
      case 'update':
        return ['update', row, 'Replace', { etag: op.expected }];
      case 'delete':
        return ['delete', key(row)];
    }
  });
  const fresh = new Set(
    changes.writes.filter((w) => w.type === 'insert').map((w) => `${w.kind}:${w.record.id}`),
  );
  return {
    actions,
    versionAt: plan.versionAt,
    indexBefore: plan.indexBefore.map((entry) => ({
      row: indexRow(ws, entry),
      fresh: fresh.has(`${entry.kind}:${entry.id}`),
    })),
    indexAfter: plan.indexAfter.map((entry) => indexRow(ws, entry)),
  };
}

function checkRecordId(write: Write): void {
  if (!isRecordWrite(write) || isKeySafeId(write.record.id)) return;
  throw new Error(`${write.kind} id ${JSON.stringify(write.record.id)} cannot be a key`);
}
