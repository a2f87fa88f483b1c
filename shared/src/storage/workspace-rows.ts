import type { TenantId, UserId, WorkspaceId } from '../common/types';
import type { Member, Workspace } from '../workspace/workspace';
import { jsonColumns } from './json-columns';
import { keyPart, memberKey, WORKSPACE_KEY } from './record-keys';
import type { Row } from './record-rows';

/** `ws` in the workspace's partition: the workspace, and the version members' changes are guarded by. */
export const workspaceRow = (workspace: Workspace): Row => ({
  partitionKey: workspace.id,
  rowKey: WORKSPACE_KEY,
  ...jsonColumns(workspace),
  tenantId: workspace.tenantId,
});

export const memberRow = (member: Member): Row => ({
  partitionKey: member.workspaceId,
  rowKey: memberKey(member.userId),
  ...jsonColumns(member),
  role: member.role,
});

/**
 * The directory table: derived lookups across workspaces. A row here never grants anything: every
 * answer is checked against the workspace's own partition.
 */
export const userPartition = (tenantId: TenantId, userId: UserId): string =>
  `u|${keyPart(tenantId)}|${keyPart(userId)}`;
export const teamPartition = (tenantId: TenantId, teamId: string): string =>
  `t|${keyPart(tenantId)}|${keyPart(teamId)}`;
export const BINDING_KEY = 'binding';
export const ALL_PARTITION = 'all';

export const userIndexRow = (member: Member): Row => ({
  partitionKey: userPartition(member.tenantId, member.userId),
  rowKey: member.workspaceId,
  role: member.role,
});

export const bindingRow = (tenantId: TenantId, teamId: string, workspaceId: WorkspaceId): Row => ({
  partitionKey: teamPartition(tenantId, teamId),
  rowKey: BINDING_KEY,
  workspaceId,
});

export const allWorkspacesRow = (workspace: Workspace): Row => ({
  partitionKey: ALL_PARTITION,
  rowKey: workspace.id,
  tenantId: workspace.tenantId,
});

/** Workspaces whose morning digest is on: written before the update that turns it on. */
export const DIGEST_PARTITION = 'dgs';

export const digestRow = (workspace: Workspace): Row => ({
  partitionKey: DIGEST_PARTITION,
  rowKey: workspace.id,
  tenantId: workspace.tenantId,
});
