import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { WorkspaceId } from '../common/types';
import { isRecordWrite, type ChangeSet, type Write } from '../records/change-set';
import type { CommitReceipt } from '../application/ports';
import type { Version } from '../records/versions';
import { planCommit, type CommitPlan } from '../records/row-plan';
import { addFigures } from '../reports/figures';
import { recordEmail } from '../records/record-search';
import type { Lead } from '../lead/lead';
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
  const plan = checkShape(ws, changes);
  const partition = store.partition(ws);
  if (!changes.writes.every((write) => passes(partition, write))) return err(stale());
  if (changes.events.some((e) => partition.outbox.has(e.id))) return err(stale());
  if (changes.idempotency && partition.idempotency.has(changes.idempotency.key)) return err(stale());
  const taken = emailTaken(partition, changes);
  if (taken)
    return err(
      domainError('LEAD.EMAIL_IN_USE', 'Another lead of this workspace has this email.', {
        fields: { email: 'another lead has it' },
        details: { email: taken },
      }),
    );

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
  addFigures(partition.figures, plan.figures);
  return ok({ versions });
}

/**
 * A lead's email is unique in its workspace, as Table Storage's email row keyed by the email alone
 * makes it: the email a written lead takes, if another live lead has it.
 */
function emailTaken(partition: Partition, changes: ChangeSet): string | undefined {
  // Writes that claim an email's row: a new lead, a lead restored, or one whose email changed; not a
  // lead a person kept beside another with its email (`emailShared`).
  const written = changes.writes.flatMap((w) =>
    isRecordWrite(w) &&
    w.type !== 'delete' &&
    w.kind === 'lead' &&
    !(w.record as Lead).emailShared &&
    (w.type !== 'update' || recordEmail('lead', w.previous) !== recordEmail('lead', w.record))
      ? [w.record as Lead]
      : [],
  );
  if (written.every((lead) => !lead.email)) return undefined;
  const ids = new Set(written.map((lead) => lead.id));
  const others = new Set<string>();
  for (const stored of partition.records.values()) {
    if (stored.kind !== 'lead' || stored.deletion || ids.has(stored.record.id)) continue;
    if ((stored.record as Lead).emailShared) continue;
    const email = recordEmail('lead', stored.record);
    if (email) others.add(email);
  }
  return written.map((lead) => recordEmail('lead', lead)).find((email) => email && others.has(email));
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
function checkShape(ws: WorkspaceId, changes: ChangeSet): CommitPlan {
  const seen = new Set<string>();
  for (const write of changes.writes) {
    if (!isRecordWrite(write)) continue;
    const ref = recordRef(write.kind, write.record.id);
    if (seen.has(ref)) throw new Error(`A change set writes ${ref} twice`);
    seen.add(ref);
  }
  return planCommit(ws, changes);
}
