import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Actor, UserId } from '../../common/types';
import { chunkRosterChange, syncRoster, type RosterChange } from '../../workspace/roster-sync';
import { TOPICS, type Conversation, type RosterEntry } from '../../workspace/team';
import type { Workspace } from '../../workspace/workspace';
import type { AppDeps } from '../deps';

/** Rows one member change may hold besides the workspace row that guards it (one storage batch). */
const MEMBER_ROWS_PER_STEP = 99;
const STALE_RETRIES = 5;

/**
 * Teams vouches for a team only through the bot: binding one takes a team the bot recorded, still
 * installed, whose roster holds the caller.
 */
export async function verifyTeamFor(deps: AppDeps, actor: Actor, teamId: string): Promise<Result<void>> {
  const team = await deps.teams.getTeam(actor.tenantId, teamId);
  const allowed =
    team !== undefined &&
    team.removedAt === undefined &&
    (await deps.teams.rosterEntry(actor.tenantId, teamId, actor.userId)) !== undefined;
  return allowed
    ? ok(undefined)
    : err(
        domainError(
          'WORKSPACE.TEAM_NOT_VERIFIED',
          'Install the Pipeline CRM bot in this team first; only its members can bind it.',
        ),
      );
}

/**
 * Applies a roster change to the workspace's members in batch-sized steps, each guarded by the
 * workspace's version (re-read and retried when someone else changed members meanwhile).
 */
export async function applyRosterChange(
  deps: AppDeps,
  workspace: Workspace,
  decide: (members: Parameters<typeof syncRoster>[0]) => RosterChange,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const change = decide(await deps.workspaces.listMembers(workspace.id));
    let stale = false;
    for (const step of chunkRosterChange(change, MEMBER_ROWS_PER_STEP)) {
      const current = await deps.workspaces.get(workspace.id);
      if (!current) return;
      const saved = await deps.workspaces.changeMembers(workspace.id, step, current.version);
      if (!saved.ok) {
        stale = true;
        break;
      }
    }
    if (!stale) return;
    if (attempt >= STALE_RETRIES) throw new Error(`Roster sync of ${workspace.id} kept racing`);
  }
}

/** The whole roster becomes the membership. */
export function syncWorkspaceRoster(
  deps: AppDeps,
  workspace: Workspace,
  roster: readonly RosterEntry[],
  actor: UserId,
): Promise<void> {
  const ctx = { workspace, actor, now: deps.clock.now() };
  return applyRosterChange(deps, workspace, (members) => syncRoster(members, roster, ctx));
}

/** A new binding's channel hears about everything, unless it already has a subscription. */
export async function subscribeByDefault(
  deps: AppDeps,
  workspace: Workspace,
  channel: Conversation,
  actor: UserId,
): Promise<void> {
  const existing = await deps.conversations.getSubscription(workspace.id, channel.conversationId);
  if (existing) return;
  await deps.conversations.saveSubscription({
    ...channel,
    workspaceId: workspace.id,
    ...(workspace.teamId !== undefined ? { teamId: workspace.teamId } : {}),
    topics: TOPICS,
    updatedAt: deps.clock.now(),
    updatedBy: actor,
  });
}

/** After a workspace was bound to a recorded team: its roster and its channel. */
export async function completeBinding(deps: AppDeps, workspace: Workspace, actor: UserId): Promise<void> {
  if (workspace.teamId === undefined) return;
  const team = await deps.teams.getTeam(workspace.tenantId, workspace.teamId);
  if (!team) return;
  await syncWorkspaceRoster(deps, workspace, await deps.teams.listRoster(team.tenantId, team.teamId), actor);
  if (team.channel && team.removedAt === undefined) {
    await subscribeByDefault(deps, workspace, team.channel, actor);
  }
}
