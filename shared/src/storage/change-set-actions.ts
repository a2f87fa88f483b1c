import type { TransactionAction } from '@azure/data-tables';
import type { WorkspaceId } from '../common/types';
import { isRecordWrite, type ChangeSet, type Write } from '../records/change-set';
import type { FigureSet } from '../reports/figures';
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
  /** Search-index rows confirmed after it (with the version of `${kind}:${id}`). */
  readonly indexConfirm: readonly { readonly row: Row; readonly ref: string }[];
  /** What the transaction adds to the figure rows (their operations are appended to `actions`). */
  readonly figures: FigureSet;
  /** Deletes of deal copies (by action index): data written before copies existed has none to delete. */
  readonly copyDeletes: ReadonlySet<number>;
  /** Board copies the transaction writes: the action's index, and the key of the record it copies. */
  readonly boardCopies: readonly { readonly at: number; readonly ref: string }[];
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
        // An email row's delete keeps the record's id: a lead written before emails were unique
        // has its row under `…|<id>` (table-email-rows.ts).
        return ['delete', op.row.type === 'email' ? { ...key(row), id: op.row.id } : key(row)];
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
    indexConfirm: plan.indexConfirm.map((entry) => ({
      row: indexRow(ws, entry),
      ref: `${entry.kind}:${entry.id}`,
    })),
    figures: plan.figures,
    copyDeletes: new Set(
      plan.partition.flatMap((op, i) => (op.action === 'delete' && op.row.type === 'deal' ? [i] : [])),
    ),
    boardCopies: plan.boardCopies,
  };
}

function checkRecordId(write: Write): void {
  if (!isRecordWrite(write) || isKeySafeId(write.record.id)) return;
  throw new Error(`${write.kind} id ${JSON.stringify(write.record.id)} cannot be a key`);
}
