import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Actor, UserId, WorkspaceId } from '../../common/types';
import { parseInput } from '../../common/validation';
import { fingerprint } from '../fingerprint';
import {
  decideMemberAddition,
  decideMemberRoleChange,
  decideWorkspaceCreation,
  decideWorkspaceAllowance,
  DEFAULT_WORKSPACES_PER_USER,
  MemberAddInputSchema,
  MemberPatchInputSchema,
  decideMemberRemoval,
  decideWorkspaceSettingsUpdate,
  WorkspaceCreateInputSchema,
  WorkspacePatchInputSchema,
} from '../../workspace';
import type { Member, MemberRole, Workspace } from '../../workspace/workspace';
import { accessWorkspace, type Access } from '../access';
import type { AppDeps } from '../deps';
import type { Membership } from '../ports';
import type { Version, Versioned } from '../../records/versions';
import { completeBinding, verifyTeamFor } from './team-binding';

export type WorkspaceView = Versioned<Workspace> & { readonly role: MemberRole };

/**
 * Creates a workspace; the creator becomes its owner. A `teamId` binds only a team the bot recorded
 * whose roster holds the creator (WORKSPACE.TEAM_NOT_VERIFIED otherwise). With an idempotency key the workspace's id is
 * derived from (tenant, user, key), so a retried request finds the workspace its first attempt made.
 * One person may have created at most `limits.workspacesPerUser` of the workspaces they are in
 * (WORKSPACE.LIMIT_REACHED beyond); a retry of a create that succeeded is not a new one.
 */
export async function createWorkspace(
  deps: AppDeps,
  actor: Actor,
  input: unknown,
  idempotencyKey?: string,
): Promise<Result<WorkspaceView>> {
  const parsed = parseInput(WorkspaceCreateInputSchema, input);
  if (!parsed.ok) return parsed;
  const id = idempotencyKey
    ? `W${fingerprint([actor.tenantId, actor.userId, idempotencyKey]).toUpperCase()}`
    : deps.ids.newId();
  const replay = async (): Promise<Result<WorkspaceView> | undefined> => {
    const existing = await deps.workspaces.get(id);
    if (!existing) return undefined;
    const w = existing.record;
    const same =
      w.tenantId === actor.tenantId &&
      w.createdBy === actor.userId &&
      w.name === parsed.value.name &&
      w.teamId === parsed.value.teamId &&
      w.settings.defaultCurrency === parsed.value.defaultCurrency;
    if (!same) {
      return err(
        domainError(
          'IDEMPOTENCY.KEY_REUSED',
          'This Idempotency-Key was already used for a different request.',
        ),
      );
    }
    return getWorkspace(deps, actor, id);
  };
  if (idempotencyKey) {
    const earlier = await replay();
    if (earlier) return earlier;
  }
  const allowance = decideWorkspaceAllowance(
    await createdWorkspaces(deps, actor),
    deps.limits?.workspacesPerUser ?? DEFAULT_WORKSPACES_PER_USER,
  );
  if (!allowance.ok) return allowance;
  if (parsed.value.teamId !== undefined) {
    const verified = await verifyTeamFor(deps, actor, parsed.value.teamId);
    if (!verified.ok) return verified;
  }
  const decided = decideWorkspaceCreation(parsed.value, {
    id,
    tenantId: actor.tenantId,
    actor: actor.userId,
    ...(actor.name ? { actorName: actor.name } : {}),
    now: deps.clock.now(),
  });
  if (!decided.ok) return decided;
  try {
    const created = await deps.workspaces.create(decided.value.workspace, decided.value.owner);
    if (!created.ok) return created;
    // The team's roster joins and its channel hears about everything; the owner stays owner.
    await completeBinding(deps, created.value.record, actor.userId);
    return getWorkspace(deps, actor, id);
  } catch (error) {
    // Two requests with one key raced: the loser answers with the winner's workspace.
    const raced = idempotencyKey ? await replay() : undefined;
    if (raced) return raced;
    throw error;
  }
}

/** How many of the workspaces the actor is in they created themselves: one range read of their directory. */
async function createdWorkspaces(deps: AppDeps, actor: Actor): Promise<number> {
  const memberships = await listMyWorkspaces(deps, actor);
  return memberships.filter((m) => m.workspace.createdBy === actor.userId).length;
}

export async function listMyWorkspaces(deps: AppDeps, actor: Actor): Promise<Membership[]> {
  const memberships = await deps.workspaces.listForUser(actor.tenantId, actor.userId);
  // The directory is derived; the tenant check here is belt and braces.
  return memberships.filter((m) => m.workspace.tenantId === actor.tenantId);
}

export async function getWorkspace(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
): Promise<Result<WorkspaceView>> {
  const access = await accessWorkspace(deps, actor, ws, 'read');
  if (!access.ok) return access;
  return ok({ ...access.value.workspace, role: access.value.member.role });
}

/** Name, currency, stale threshold and the stage configuration; owners only. */
export async function updateWorkspace(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<WorkspaceView>> {
  const access = await accessWorkspace(deps, actor, ws, 'manage');
  if (!access.ok) return access;
  if (!expected) {
    return err(
      domainError('CONCURRENCY.VERSION_REQUIRED', 'Send the version you read (If-Match) to change it.'),
    );
  }
  if (expected !== access.value.workspace.version) {
    return err(
      domainError('CONCURRENCY.STALE', 'The workspace was changed by someone else; reload and try again.'),
    );
  }
  const parsed = parseInput(WorkspacePatchInputSchema, input);
  if (!parsed.ok) return parsed;
  const members = parsed.value.leadAssignment
    ? new Set((await deps.workspaces.listMembers(ws)).map((m) => m.userId))
    : undefined;
  const decided = decideWorkspaceSettingsUpdate(access.value.workspace.record, parsed.value, {
    actor: actor.userId,
    now: deps.clock.now(),
    ...(members ? { members } : {}),
  });
  if (!decided.ok) return decided;
  const inUse = await removedStageInUse(deps, ws, access.value.workspace.record, decided.value);
  if (!inUse.ok) return inUse;
  const saved = await deps.workspaces.update(decided.value, expected);
  return saved.ok ? ok({ ...saved.value, role: access.value.member.role }) : saved;
}

/** A stage may only disappear from the configuration when no opportunity stands in it. */
async function removedStageInUse(
  deps: AppDeps,
  ws: WorkspaceId,
  before: Workspace,
  after: Workspace,
): Promise<Result<void>> {
  const kept = new Set(after.settings.stages.map((s) => s.id));
  for (const stage of before.settings.stages) {
    if (kept.has(stage.id)) continue;
    const used = await deps.records.list(ws, 'opportunity', { limit: 1, filters: { stage: stage.id } });
    if (used.items.length > 0) {
      return err(
        domainError('WORKSPACE.STAGE_IN_USE', `Stage ${stage.id} still has opportunities; move them first.`, {
          details: { stage: stage.id },
        }),
      );
    }
  }
  return ok(undefined);
}

export async function listMembers(deps: AppDeps, actor: Actor, ws: WorkspaceId): Promise<Result<Member[]>> {
  const access = await accessWorkspace(deps, actor, ws, 'read');
  if (!access.ok) return access;
  return ok(await deps.workspaces.listMembers(ws));
}

type MemberChange = { readonly upsert?: readonly Member[]; readonly remove?: readonly UserId[] };

/**
 * Every membership change has one shape: access, the pure rule over the current members, then one
 * write guarded by the workspace's version (so two owners cannot remove each other).
 */
async function changeMembership<T>(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  need: 'read' | 'manage',
  decide: (members: readonly Member[], access: Access) => Result<{ change: MemberChange; result: T }>,
): Promise<Result<T>> {
  const access = await accessWorkspace(deps, actor, ws, need);
  if (!access.ok) return access;
  const decided = decide(await deps.workspaces.listMembers(ws), access.value);
  if (!decided.ok) return decided;
  const saved = await deps.workspaces.changeMembers(ws, decided.value.change, access.value.workspace.version);
  return saved.ok ? ok(decided.value.result) : saved;
}

export function addMember(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  input: unknown,
): Promise<Result<Member>> {
  return changeMembership(deps, actor, ws, 'manage', (members, access) => {
    const parsed = parseInput(MemberAddInputSchema, input);
    if (!parsed.ok) return parsed;
    const member = decideMemberAddition(members, parsed.value, {
      workspace: access.workspace.record,
      actor: actor.userId,
      now: deps.clock.now(),
    });
    return member.ok ? ok({ change: { upsert: [member.value] }, result: member.value }) : member;
  });
}

export function changeMemberRole(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  userId: UserId,
  input: unknown,
): Promise<Result<Member>> {
  return changeMembership(deps, actor, ws, 'manage', (members) => {
    const parsed = parseInput(MemberPatchInputSchema, input);
    if (!parsed.ok) return parsed;
    const member = decideMemberRoleChange(members, userId, parsed.value.role);
    return member.ok ? ok({ change: { upsert: [member.value] }, result: member.value }) : member;
  });
}

/** Owners remove anyone; a member may always leave. The last owner cannot go. */
export function removeMember(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  userId: UserId,
): Promise<Result<void>> {
  const leaving = userId === actor.userId;
  return changeMembership(deps, actor, ws, leaving ? 'read' : 'manage', (members) => {
    const removed = decideMemberRemoval(members, userId);
    return removed.ok ? ok({ change: { remove: [userId] }, result: undefined }) : removed;
  });
}
