import { domainError, type DomainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, UserId, WorkspaceId } from '../common/types';
import type { AppDeps } from './deps';
import type { Versioned } from './ports';
import type { RecordKind, RecordOf } from './records';

const invalidField = (field: string, message: string): DomainError =>
  domainError('VALIDATION.FAILED', message, { fields: { [field]: message } });

/** Owners (and any other user reference) must be members of the workspace. */
export async function ensureMember(
  deps: Pick<AppDeps, 'workspaces'>,
  ws: WorkspaceId,
  userId: UserId | undefined,
  field = 'ownerId',
): Promise<Result<void>> {
  if (userId === undefined) return ok(undefined);
  const member = await deps.workspaces.getMember(ws, userId);
  return member ? ok(undefined) : err(invalidField(field, 'is not a member of this workspace'));
}

/** A referenced record must exist (and not be deleted) in the same workspace. */
export async function ensureRecord<K extends RecordKind>(
  deps: Pick<AppDeps, 'records'>,
  ws: WorkspaceId,
  kind: K,
  id: Id | undefined,
  field: string,
): Promise<Result<Versioned<RecordOf[K]> | undefined>> {
  if (id === undefined) return ok(undefined);
  const found = await deps.records.get(ws, kind, id);
  return found ? ok(found) : err(invalidField(field, `no such ${kind} in this workspace`));
}

/** Runs checks in order and stops at the first failure. */
export async function firstFailure(
  checks: readonly (() => Promise<Result<unknown>>)[],
): Promise<Result<void>> {
  for (const check of checks) {
    const result = await check();
    if (!result.ok) return result;
  }
  return ok(undefined);
}
