import type { Result } from '../common/result';
import type { TenantId, UserId, WorkspaceId } from '../common/types';
import type { ChannelSubscription, ConversationAddress, RosterEntry, Team } from '../workspace/team';
import type { Version, Versioned } from '../records/versions';

/**
 * Teams the bot was installed in and their rosters, as Teams reported them. Kept outside the
 * workspaces' partitions (a team exists before it is bound, and rosters change without touching CRM
 * data).
 */
export interface TeamRepository {
  saveTeam(team: Team): Promise<void>;
  getTeam(tenantId: TenantId, teamId: string): Promise<Team | undefined>;
  /** Adds or refreshes roster entries. */
  addToRoster(tenantId: TenantId, teamId: string, entries: readonly RosterEntry[]): Promise<void>;
  removeFromRoster(tenantId: TenantId, teamId: string, userIds: readonly UserId[]): Promise<void>;
  /** The person's entry on the team's roster; undefined when they are not on it. */
  rosterEntry(tenantId: TenantId, teamId: string, userId: UserId): Promise<RosterEntry | undefined>;
  listRoster(tenantId: TenantId, teamId: string): Promise<RosterEntry[]>;
}

/** Where the bot may post: the channels of a workspace with their topics, and people's personal chats. */
export interface ConversationRepository {
  getSubscription(
    ws: WorkspaceId,
    conversationId: string,
  ): Promise<Versioned<ChannelSubscription> | undefined>;
  /**
   * Creates (`expected` absent: fails CONCURRENCY.STALE when it exists) or replaces the channel's
   * subscription guarded by the version read.
   */
  saveSubscription(subscription: ChannelSubscription, expected?: Version): Promise<Result<Version>>;
  listSubscriptions(ws: WorkspaceId): Promise<ChannelSubscription[]>;
  /** The same, each with its version (what an owner's removal must name). */
  listSubscriptionVersions(ws: WorkspaceId): Promise<Versioned<ChannelSubscription>[]>;
  /**
   * Removes the channel's subscription; with `expected`, only while it is still that version
   * (CONCURRENCY.STALE when it changed or is gone). Without, removing one that is gone is no error.
   */
  removeSubscription(ws: WorkspaceId, conversationId: string, expected?: Version): Promise<Result<void>>;
  /** Keeps the person's chat with the bot and, when the message said it, their time zone. */
  savePersonalChat(
    tenantId: TenantId,
    userId: UserId,
    address: ConversationAddress,
    timeZone?: string,
  ): Promise<void>;
  getPersonalChat(tenantId: TenantId, userId: UserId): Promise<ConversationAddress | undefined>;
  /** The IANA time zone Teams last said the person is in; undefined when it never did. */
  getPersonalTimeZone(tenantId: TenantId, userId: UserId): Promise<string | undefined>;
}
