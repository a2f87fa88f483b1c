import { domainError, type DomainError } from '../../common/domain-error';
import type { ErrorCode } from '../../common/error-codes';
import { err, ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import type { DomainEvent } from '../../events/domain-event';
import type { AppDeps } from '../deps';
import type { CommitReceipt } from '../ports';
import type { IdempotencyRecord, Write } from '../../records/change-set';
import type { Version, Versioned } from '../../records/versions';
import type { RecordKind, RecordOf } from '../../records/records';
import { followerWrites, hasFollowers } from './followers';

const NOT_FOUND: { [K in RecordKind]: ErrorCode } = {
  lead: 'LEAD.NOT_FOUND',
  organisation: 'ORGANISATION.NOT_FOUND',
  contact: 'CONTACT.NOT_FOUND',
  opportunity: 'OPPORTUNITY.NOT_FOUND',
  campaign: 'CAMPAIGN.NOT_FOUND',
  activity: 'ACTIVITY.NOT_FOUND',
};

export const notFound = (kind: RecordKind): DomainError =>
  domainError(NOT_FOUND[kind], `No such ${kind} in this workspace.`);

export const versionKey = (kind: RecordKind, id: Id): string => `${kind}:${id}`;

export function versionFrom(receipt: CommitReceipt, kind: RecordKind, id: Id): Version {
  const version = receipt.versions[versionKey(kind, id)];
  if (!version) throw new Error(`Storage returned no version for ${kind} ${id}`);
  return version;
}

export async function loadRecord<K extends RecordKind>(
  deps: Pick<AppDeps, 'records'>,
  ws: WorkspaceId,
  kind: K,
  id: Id,
): Promise<Result<Versioned<RecordOf[K]>>> {
  const found = await deps.records.get(ws, kind, id);
  return found ? ok(found) : err(notFound(kind));
}

/**
 * Loads a record for a change the client based on `expected` (its ETag). No version is a
 * precondition failure, a different one is stale: never last-write-wins.
 */
export async function loadForChange<K extends RecordKind>(
  deps: Pick<AppDeps, 'records'>,
  ws: WorkspaceId,
  kind: K,
  id: Id,
  expected: Version | undefined,
): Promise<Result<Versioned<RecordOf[K]>>> {
  if (!expected) {
    return err(
      domainError('CONCURRENCY.VERSION_REQUIRED', 'Send the version you read (If-Match) to change it.'),
    );
  }
  const loaded = await loadRecord(deps, ws, kind, id);
  if (!loaded.ok) return loaded;
  if (loaded.value.version !== expected) return err(stale(kind));
  return loaded;
}

export const stale = (kind: RecordKind): DomainError =>
  domainError('CONCURRENCY.STALE', `The ${kind} was changed by someone else; reload and try again.`);

export type Change = {
  readonly writes: readonly Write[];
  readonly events?: readonly DomainEvent[];
  readonly idempotency?: IdempotencyRecord;
};

/** Commits one change set and returns the primary record with its new version. */
export async function commitRecord<K extends RecordKind>(
  deps: Pick<AppDeps, 'records'>,
  ws: WorkspaceId,
  kind: K,
  record: RecordOf[K],
  change: Change,
): Promise<Result<Versioned<RecordOf[K]>>> {
  const receipt = await deps.records.commit(ws, {
    writes: change.writes,
    events: change.events ?? [],
    ...(change.idempotency ? { idempotency: change.idempotency } : {}),
  });
  if (!receipt.ok) return receipt;
  return ok({ record, version: versionFrom(receipt.value, kind, record.id) });
}

/** A commit that loses a race on a record that follows (a deal's summary) is tried again this often. */
const FOLLOW_ATTEMPTS = 3;

/**
 * Commits a record's change together with the writes of the records that follow it (followers.ts).
 * When the commit fails as stale while the record itself is still as it was read (`unchanged`), the
 * race was lost on a follower: they are read again and the commit retried, a few times at most.
 */
export async function commitFollowed<K extends RecordKind>(
  deps: Pick<AppDeps, 'records'>,
  ws: WorkspaceId,
  kind: K,
  record: RecordOf[K],
  change: Change,
  followed: {
    readonly before?: RecordOf[K];
    readonly after?: RecordOf[K];
    readonly unchanged: () => Promise<boolean>;
  },
): Promise<Result<Versioned<RecordOf[K]>>> {
  if (!hasFollowers(kind)) return commitRecord(deps, ws, kind, record, change);
  for (let attempt = 1; ; attempt++) {
    const extra = await followerWrites(deps, ws, kind, followed.before, followed.after);
    const result = await commitRecord(deps, ws, kind, record, {
      ...change,
      writes: [...change.writes, ...extra],
    });
    if (result.ok || result.error.code !== 'CONCURRENCY.STALE' || attempt >= FOLLOW_ATTEMPTS) return result;
    if (!(await followed.unchanged())) return result;
  }
}

export const insertWrite = <K extends RecordKind>(kind: K, record: RecordOf[K]): Write => ({
  type: 'insert',
  kind,
  record,
});

export const updateWrite = <K extends RecordKind>(
  kind: K,
  current: Versioned<RecordOf[K]>,
  record: RecordOf[K],
): Write => ({ type: 'update', kind, record, previous: current.record, expected: current.version });
