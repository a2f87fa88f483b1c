import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Actor, WorkspaceId } from '../common/types';
import { authorize } from '../workspace/authorize';
import type { Member, Workspace } from '../workspace/workspace';
import type { AppDeps } from './deps';
import type { Versioned } from '../records/versions';

export type Access = { readonly workspace: Versioned<Workspace>; readonly member: Member };

/**
 * Loads the workspace as `actor` may see it. Another tenant's workspace and one the actor is not a
 * member of both read as WORKSPACE.NOT_FOUND: outsiders learn nothing, not even that it exists.
 */
export async function accessWorkspace(
  deps: Pick<AppDeps, 'workspaces'>,
  actor: Actor,
  workspaceId: WorkspaceId,
  need: 'read' | 'write' | 'manage',
): Promise<Result<Access>> {
  const notFound = err(domainError('WORKSPACE.NOT_FOUND', 'No such workspace.'));
  const found = await deps.workspaces.getWithMember(workspaceId, actor.userId);
  if (!found || found.workspace.record.tenantId !== actor.tenantId) return notFound;
  const { workspace, member } = found;
  if (member && member.tenantId !== actor.tenantId) return notFound;
  const allowed = authorize(member, need);
  if (!allowed.ok) return allowed;
  return ok({ workspace, member: allowed.value });
}
