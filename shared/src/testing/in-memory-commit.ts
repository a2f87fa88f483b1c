import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { WorkspaceId } from '../common/types';
import { isRecordWrite, type ChangeSet, type Write } from '../records/change-set';
import type { CommitReceipt } from '../application/ports';
import type { Version } from '../records/versions';
import { planCommit } from '../records/row-plan';
import { copy, recordRef, type InMemoryStore, type Partition, type StoredRecord } from './in-memory-store';

const stale = () =>
  domainError(
    'CONCURRENCY.STALE',
    'Something in this change was changed by someone else; reload and try again.',
  );

/**
 * Checks every write against the partition first and applies them only if all pass: the same
 * all-or-nothing outcome as one entity-group transaction. Synchronous, so concurrent commits
 * serialise exactly like conditional writes do.
 */
export function applyChangeSet(
  store: InMemoryStore,
  ws: WorkspaceId,
  changes: ChangeSet,
): Result<CommitReceipt> {
  checkShape(ws, changes);
  const partition = store.partition(ws);
  if (!changes.writes.every((write) => passes(partition, write))) return err(stale());
  if (changes.events.some((e) => partition.outbox.has(e.id))) return err(stale());
  if (changes.idempotency && partition.idempotency.has(changes.idempotency.key)) return err(stale());

  const versions: Record<string, Version> = {};
  for (const write of changes.writes) {
    if (write.type === 'stage-change') {
      partition.history.set(write.change.id, copy(write.change));
      continue;
    }
    if (write.type === 'counter') {
      const version = store.nextVersion();
      partition.counters.set(write.name, { value: write.value, version });
      versions[`counter:${write.name}`] = version;
      continue;
    }
    const ref = recordRef(write.kind, write.record.id);
    const version = store.nextVersion();
    versions[ref] = version;
    const stored: StoredRecord = { kind: write.kind, record: copy(write.record), version };
    partition.records.set(
      ref,
      write.type === 'delete'
        ? { ...stored, deletion: { deletedAt: write.deletedAt, deletedBy: write.deletedBy } }
        : stored,
    );
  }
  for (const event of changes.events)
    partition.outbox.set(event.id, { event: copy(event), attempts: 0, version: store.nextVersion() });
  if (changes.idempotency) partition.idempotency.set(changes.idempotency.key, copy(changes.idempotency));
  return ok({ versions });
}

function passes(partition: Partition, write: Write): boolean {
  if (write.type === 'stage-change') return !partition.history.has(write.change.id);
  if (write.type === 'counter') {
    const current = partition.counters.get(write.name);
    return write.expected ? current?.version === write.expected : current === undefined;
  }
  const current = partition.records.get(recordRef(write.kind, write.record.id));
  switch (write.type) {
    case 'insert':
      return current === undefined;
    case 'update':
    case 'delete':
      return current !== undefined && !current.deletion && current.version === write.expected;
    case 'restore':
      return current?.deletion !== undefined && current.version === write.expected;
    default: {
      const _exhaustive: never = write;
      throw new Error(`Unknown write ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/**
 * The same bug checks as the Table implementation, from the same row plan: foreign records and
 * events, one row twice, more rows than one transaction holds.
 */
function checkShape(ws: WorkspaceId, changes: ChangeSet): void {
  const seen = new Set<string>();
  for (const write of changes.writes) {
    if (!isRecordWrite(write)) continue;
    const ref = recordRef(write.kind, write.record.id);
    if (seen.has(ref)) throw new Error(`A change set writes ${ref} twice`);
    seen.add(ref);
  }
  planCommit(ws, changes);
}
