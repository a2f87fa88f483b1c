import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { WorkspaceId } from '../common/types';
import type { ChangeSet, CommitReceipt, Version, Write } from '../application/ports';
import { recordEmail, recordSearchTokens } from '../application/record-search';
import type { AnyRecord, RecordKind, RecordOf } from '../application/records';
import { copy, recordRef, type InMemoryStore, type Partition, type StoredRecord } from './in-memory-store';

/** The Table implementation writes each change set as one transaction of at most 100 rows. */
const MAX_ACTIONS = 100;

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

/** The same bug checks as the Table implementation: foreign records, one record twice, > 100 rows. */
function checkShape(ws: WorkspaceId, changes: ChangeSet): void {
  const seen = new Set<string>();
  let actions = changes.events.length + (changes.idempotency ? 1 : 0);
  for (const write of changes.writes) {
    if (write.type === 'stage-change') {
      actions += 1;
      continue;
    }
    const { kind, record } = write;
    if (record.workspaceId !== ws) {
      throw new Error(`${kind} ${record.id} belongs to workspace ${record.workspaceId}`);
    }
    const ref = recordRef(kind, record.id);
    if (seen.has(ref)) throw new Error(`A change set writes ${ref} twice`);
    seen.add(ref);
    actions += 1 + tableRowsFor(write, kind, record);
  }
  for (const event of changes.events) {
    if (event.workspaceId !== ws) {
      throw new Error(`Event ${event.id} belongs to workspace ${event.workspaceId}`);
    }
  }
  if (actions > MAX_ACTIONS) {
    throw new Error(`A change set needs ${actions} table operations; one transaction holds ${MAX_ACTIONS}`);
  }
}

/** How many index, email, regarding and bin rows the Table implementation writes beside the record. */
function tableRowsFor(
  write: Exclude<Write, { type: 'stage-change' }>,
  kind: RecordKind,
  record: AnyRecord,
): number {
  const derived = (r: AnyRecord): string[] => [
    ...recordSearchTokens(kind, r as RecordOf[typeof kind]).map((t) => `idx:${t}`),
    ...(recordEmail(kind, r) ? [`eml:${recordEmail(kind, r)}`] : []),
    ...(kind === 'activity' ? [`reg:${JSON.stringify((r as RecordOf['activity']).regarding)}`] : []),
  ];
  switch (write.type) {
    case 'insert':
      return derived(record).length;
    case 'delete':
    case 'restore':
      return derived(record).length + 1;
    case 'update': {
      const before = derived(write.previous);
      const after = derived(record);
      const removed = before.filter((row) => !after.includes(row)).length;
      return JSON.stringify(before) === JSON.stringify(after) ? 0 : removed + after.length;
    }
  }
}
