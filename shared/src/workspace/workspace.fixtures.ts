import { decideWorkspaceCreation } from './create-workspace';
import type { Member, MemberRole, Workspace } from './workspace';
import { WorkspaceCreateInputSchema } from './workspace.schema';

/** Shared by this folder's specs. */
export const T0 = '2026-03-02T09:00:00.000Z';
export const T1 = '2026-03-03T10:30:00.000Z';
export const TENANT = 'tenant-1';

export function aWorkspace(): Workspace {
  const created = decideWorkspaceCreation(WorkspaceCreateInputSchema.parse({ name: 'Sales NL' }), {
    id: 'ws-1',
    tenantId: TENANT,
    actor: 'alice',
    now: T0,
  });
  if (!created.ok) throw new Error('fixture: workspace not created');
  return created.value.workspace;
}

export const aMember = (userId: string, role: MemberRole = 'member'): Member => ({
  workspaceId: 'ws-1',
  tenantId: TENANT,
  userId,
  role,
  addedAt: T0,
  addedBy: 'alice',
});
