import { ok, type Result } from '../../common/result';
import { sameUser } from '../../common/schemas';
import type { Actor, TenantId, UserId, WorkspaceId } from '../../common/types';
import { joinRoster, leaveRoster } from '../../workspace/roster-sync';
import type { Conversation, RosterEntry, Team } from '../../workspace/team';
import { accessWorkspace } from '../access';
import type { AppDeps } from '../deps';
import { applyRosterChange, subscribeByDefault, syncWorkspaceRoster } from './team-binding';
import { createWorkspace, getWorkspace, type WorkspaceView } from './workspace.use-case';

/** What Teams tells the bot when it is installed in a team (authenticated by the Bot Framework). */
export type TeamInstall = {
  readonly teamId: string;
  readonly teamName: string;
  readonly aadGroupId?: string;
  readonly installer: Actor;
  /** The channel the bot was added to. */
  readonly channel: Conversation;
  /** `TeamsInfo.getPagedTeamMembers`, every page. */
  readonly roster: readonly RosterEntry[];
};

export type Installed = { readonly workspace: WorkspaceView; readonly created: boolean };

/**
 * The bot joined a team: record the team and its roster, bind it (to the workspace already bound,
 * else a new one named after the team with the installer as owner), make the roster the membership
 * and subscribe the channel. Safe to repeat (Teams re-sends; reinstalls).
 */
export async function installBot(deps: AppDeps, install: TeamInstall): Promise<Result<Installed>> {
  const { installer, teamId } = install;
  const tenantId = installer.tenantId;
  const roster = withInstaller(install.roster, installer);
  const team: Team = {
    tenantId,
    teamId,
    name: install.teamName,
    ...(install.aadGroupId !== undefined ? { aadGroupId: install.aadGroupId } : {}),
    channel: install.channel,
    installedAt: deps.clock.now(),
    installedBy: installer.userId,
  };
  await deps.teams.saveTeam(team);
  await replaceRoster(deps, tenantId, teamId, roster);

  const bound = await deps.workspaces.findByTeam(tenantId, teamId);
  if (!bound) {
    // Keyed by the team, so a re-sent install finds the workspace its first delivery made.
    const created = await createWorkspace(
      deps,
      installer,
      { name: install.teamName.trim().slice(0, 100) || teamId.slice(0, 100), teamId },
      `team-install:${teamId}`,
    );
    if (created.ok) return ok({ workspace: created.value, created: true });
    if (created.error.code !== 'WORKSPACE.TEAM_ALREADY_BOUND') return created;
  }
  const workspace = bound ?? (await deps.workspaces.findByTeam(tenantId, teamId));
  if (!workspace) throw new Error(`Team ${teamId} is bound to a workspace that cannot be read`);
  await syncWorkspaceRoster(deps, workspace, roster, installer.userId);
  await subscribeByDefault(deps, workspace, install.channel, installer.userId);
  const view = await getWorkspace(deps, installer, workspace.id);
  return view.ok ? ok({ workspace: view.value, created: false }) : view;
}

/** People joined the team: on the roster, and members of its workspace. */
export async function teamMembersJoined(
  deps: AppDeps,
  tenantId: TenantId,
  teamId: string,
  joined: readonly RosterEntry[],
  actor: UserId,
): Promise<void> {
  if (joined.length === 0 || !(await deps.teams.getTeam(tenantId, teamId))) return;
  await deps.teams.addToRoster(tenantId, teamId, joined);
  const workspace = await deps.workspaces.findByTeam(tenantId, teamId);
  if (!workspace) return;
  const ctx = { workspace, actor, now: deps.clock.now() };
  await applyRosterChange(deps, workspace, (members) => joinRoster(members, joined, ctx));
}

/** People left the team: off the roster, and no longer members (they lose access). */
export async function teamMembersLeft(
  deps: AppDeps,
  tenantId: TenantId,
  teamId: string,
  left: readonly UserId[],
): Promise<void> {
  if (left.length === 0) return;
  await deps.teams.removeFromRoster(tenantId, teamId, left);
  const workspace = await deps.workspaces.findByTeam(tenantId, teamId);
  if (!workspace) return;
  await applyRosterChange(deps, workspace, (members) => leaveRoster(members, left));
}

/** The bot was removed from the team: it stops posting there (the workspace and its data stay). */
export async function uninstallBot(deps: AppDeps, tenantId: TenantId, teamId: string): Promise<void> {
  const team = await deps.teams.getTeam(tenantId, teamId);
  if (team && team.removedAt === undefined) {
    await deps.teams.saveTeam({ ...team, removedAt: deps.clock.now() });
  }
  const workspace = await deps.workspaces.findByTeam(tenantId, teamId);
  if (!workspace) return;
  const channels = await deps.conversations.listSubscriptions(workspace.id);
  await Promise.all(
    channels
      .filter((c) => c.teamId === teamId)
      .map((c) => deps.conversations.removeSubscription(workspace.id, c.conversationId)),
  );
}

/** Who reads a card posted in a team's channel, as far as the workspace knows. */
export type TeamCardAudience = {
  /**
   * The Teams user ids (`29:…`) of the workspace's members on the team's roster, the caller first, at
   * most the limit: the people a card refreshes itself for.
   */
  readonly viewers: readonly string[];
  /**
   * Everyone on the team's roster (everyone who reads its standard channels) is a member of the
   * workspace: a card posted there may carry the workspace's records. False for a team the workspace
   * is not bound to, an uninstalled one, or one with anybody on its roster who is no member (someone
   * an owner removed, say).
   */
  readonly everyoneIsMember: boolean;
};

/**
 * Who reads a card posted in a standard channel of `teamId` (the team the conversation is in, as
 * Teams says, never the card's data): members of the workspace on the team's roster with a Teams id,
 * and whether the roster holds anybody else. Costs two range reads (roster, members).
 */
export async function teamCardAudience(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  teamId: string,
  limit: number,
): Promise<Result<TeamCardAudience>> {
  const access = await accessWorkspace(deps, actor, ws, 'read');
  if (!access.ok) return access;
  const workspace = access.value.workspace.record;
  if (workspace.teamId !== teamId) return ok({ viewers: [], everyoneIsMember: false });
  const [team, roster, members] = await Promise.all([
    deps.teams.getTeam(workspace.tenantId, teamId),
    deps.teams.listRoster(workspace.tenantId, teamId),
    deps.workspaces.listMembers(ws),
  ]);
  const isMember = new Set(members.map((m) => m.userId.toLowerCase()));
  const onRoster = roster.filter((e) => isMember.has(e.userId.toLowerCase()));
  const viewers = onRoster.filter((e) => e.teamsUserId !== undefined);
  const callerFirst = [
    ...viewers.filter((e) => sameUser(e.userId, actor.userId)),
    ...viewers.filter((e) => !sameUser(e.userId, actor.userId)),
  ];
  return ok({
    viewers: callerFirst.slice(0, limit).flatMap((e) => (e.teamsUserId ? [e.teamsUserId] : [])),
    everyoneIsMember:
      team !== undefined &&
      team.removedAt === undefined &&
      roster.length > 0 &&
      onRoster.length === roster.length,
  });
}

async function replaceRoster(
  deps: AppDeps,
  tenantId: TenantId,
  teamId: string,
  roster: readonly RosterEntry[],
): Promise<void> {
  const keep = new Set(roster.map((e) => e.userId));
  const before = await deps.teams.listRoster(tenantId, teamId);
  await deps.teams.addToRoster(tenantId, teamId, roster);
  const gone = before.filter((e) => !keep.has(e.userId)).map((e) => e.userId);
  if (gone.length > 0) await deps.teams.removeFromRoster(tenantId, teamId, gone);
}

/** Teams lists the installer too; should a roster page be missed, the installer still belongs. */
function withInstaller(roster: readonly RosterEntry[], installer: Actor): RosterEntry[] {
  if (roster.some((e) => e.userId === installer.userId)) return [...roster];
  return [...roster, { userId: installer.userId, ...(installer.name ? { name: installer.name } : {}) }];
}
