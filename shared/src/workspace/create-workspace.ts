import { ok, type Result } from '../common/result';
import type { Instant, TenantId, UserId, WorkspaceId } from '../common/types';
import { DEFAULT_STAGES } from '../opportunity/stage';
import type { Member, Workspace, WorkspaceSettings } from './workspace';
import type { WorkspaceCreateInput } from './workspace.schema';

export const DEFAULT_STALE_AFTER_DAYS = 14;

export type WorkspaceCreateContext = {
  readonly id: WorkspaceId;
  readonly tenantId: TenantId;
  readonly actor: UserId;
  readonly actorName?: string;
  readonly now: Instant;
};

export type WorkspaceCreated = { readonly workspace: Workspace; readonly owner: Member };

/** A new workspace in the creator's tenant, with the creator as its first owner. */
export function decideWorkspaceCreation(
  input: WorkspaceCreateInput,
  ctx: WorkspaceCreateContext,
): Result<WorkspaceCreated> {
  const settings: WorkspaceSettings = {
    defaultCurrency: input.defaultCurrency ?? 'EUR',
    stages: DEFAULT_STAGES,
    staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
  };
  const workspace: Workspace = {
    id: ctx.id,
    tenantId: ctx.tenantId,
    name: input.name,
    ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
    settings,
    createdAt: ctx.now,
    createdBy: ctx.actor,
    updatedAt: ctx.now,
    updatedBy: ctx.actor,
  };
  const owner: Member = {
    workspaceId: ctx.id,
    tenantId: ctx.tenantId,
    userId: ctx.actor,
    role: 'owner',
    ...(ctx.actorName ? { name: ctx.actorName } : {}),
    addedAt: ctx.now,
    addedBy: ctx.actor,
  };
  return ok({ workspace, owner });
}
