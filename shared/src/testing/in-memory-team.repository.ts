import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { TenantId, UserId, WorkspaceId } from '../common/types';
import type { Version, Versioned } from '../records/versions';
import type { ConversationRepository, TeamRepository } from '../application/team-ports';
import type { ChannelSubscription, ConversationAddress, RosterEntry, Team } from '../workspace/team';
import { copy } from './in-memory-store';

const teamKey = (tenantId: TenantId, teamId: string) => `${tenantId}|${teamId}`;

export class InMemoryTeamRepository implements TeamRepository {
  private readonly teams = new Map<string, Team>();
  private readonly rosters = new Map<string, Map<UserId, RosterEntry>>();

  async saveTeam(team: Team): Promise<void> {
    this.teams.set(teamKey(team.tenantId, team.teamId), copy(team));
  }

  async getTeam(tenantId: TenantId, teamId: string): Promise<Team | undefined> {
    const team = this.teams.get(teamKey(tenantId, teamId));
    return team ? copy(team) : undefined;
  }

  async addToRoster(tenantId: TenantId, teamId: string, entries: readonly RosterEntry[]): Promise<void> {
    const roster = this.roster(tenantId, teamId);
    for (const entry of entries) roster.set(entry.userId, copy(entry));
  }

  async removeFromRoster(tenantId: TenantId, teamId: string, userIds: readonly UserId[]): Promise<void> {
    const roster = this.roster(tenantId, teamId);
    for (const userId of userIds) roster.delete(userId);
  }

  async rosterEntry(tenantId: TenantId, teamId: string, userId: UserId): Promise<RosterEntry | undefined> {
    const entry = this.roster(tenantId, teamId).get(userId);
    return entry ? copy(entry) : undefined;
  }

  async listRoster(tenantId: TenantId, teamId: string): Promise<RosterEntry[]> {
    return copy([...this.roster(tenantId, teamId).values()].sort((a, b) => (a.userId < b.userId ? -1 : 1)));
  }

  private roster(tenantId: TenantId, teamId: string): Map<UserId, RosterEntry> {
    const key = teamKey(tenantId, teamId);
    let roster = this.rosters.get(key);
    if (!roster) {
      roster = new Map();
      this.rosters.set(key, roster);
    }
    return roster;
  }
}

export class InMemoryConversationRepository implements ConversationRepository {
  private readonly channels = new Map<WorkspaceId, Map<string, Versioned<ChannelSubscription>>>();
  private readonly chats = new Map<string, ConversationAddress>();
  private readonly timeZones = new Map<string, string>();
  private versions = 0;

  async getSubscription(
    ws: WorkspaceId,
    conversationId: string,
  ): Promise<Versioned<ChannelSubscription> | undefined> {
    const found = this.channels.get(ws)?.get(conversationId);
    return found ? copy(found) : undefined;
  }

  async saveSubscription(subscription: ChannelSubscription, expected?: Version): Promise<Result<Version>> {
    let channels = this.channels.get(subscription.workspaceId);
    if (!channels) {
      channels = new Map();
      this.channels.set(subscription.workspaceId, channels);
    }
    const current = channels.get(subscription.conversationId);
    if (current ? current.version !== expected : expected !== undefined) {
      return err(domainError('CONCURRENCY.STALE', 'The channel’s subscription changed meanwhile.'));
    }
    this.versions += 1;
    const version = `W/"sub-${this.versions}"` as Version;
    channels.set(subscription.conversationId, { record: copy(subscription), version });
    return ok(version);
  }

  async listSubscriptions(ws: WorkspaceId): Promise<ChannelSubscription[]> {
    return copy([...(this.channels.get(ws)?.values() ?? [])].map((v) => v.record));
  }

  async listSubscriptionVersions(ws: WorkspaceId): Promise<Versioned<ChannelSubscription>[]> {
    return copy([...(this.channels.get(ws)?.values() ?? [])]);
  }

  async removeSubscription(
    ws: WorkspaceId,
    conversationId: string,
    expected?: Version,
  ): Promise<Result<void>> {
    const current = this.channels.get(ws)?.get(conversationId);
    if (expected !== undefined && current?.version !== expected) {
      return err(domainError('CONCURRENCY.STALE', 'The channel’s subscription changed meanwhile.'));
    }
    this.channels.get(ws)?.delete(conversationId);
    return ok(undefined);
  }

  async savePersonalChat(
    tenantId: TenantId,
    userId: UserId,
    address: ConversationAddress,
    timeZone?: string,
  ): Promise<void> {
    this.chats.set(`${tenantId}|${userId}`, copy(address));
    if (timeZone !== undefined) this.timeZones.set(`${tenantId}|${userId}`, timeZone);
  }

  async getPersonalTimeZone(tenantId: TenantId, userId: UserId): Promise<string | undefined> {
    return this.timeZones.get(`${tenantId}|${userId}`);
  }

  async getPersonalChat(tenantId: TenantId, userId: UserId): Promise<ConversationAddress | undefined> {
    const found = this.chats.get(`${tenantId}|${userId}`);
    return found ? copy(found) : undefined;
  }
}
