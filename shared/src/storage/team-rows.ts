import type { TenantId, UserId, WorkspaceId } from '../common/types';
import type { ChannelSubscription, RosterEntry, Team } from '../workspace/team';
import { jsonColumns } from './json-columns';
import { keyPart } from './record-keys';
import type { Row } from './record-rows';
import { teamPartition } from './workspace-rows';

/**
 * Teams, rosters and where the bot posts: directory-table rows outside the workspaces' partitions
 * (see KEYS.md). A team's rows share its binding's partition.
 */
export const TEAM_KEY = 'team';
export const ROSTER_PREFIX = 'r|';
export const rosterKey = (userId: UserId): string => `${ROSTER_PREFIX}${keyPart(userId)}`;

export const teamRow = (team: Team): Row => ({
  partitionKey: teamPartition(team.tenantId, team.teamId),
  rowKey: TEAM_KEY,
  ...jsonColumns(team),
});

export const rosterRow = (tenantId: TenantId, teamId: string, entry: RosterEntry): Row => ({
  partitionKey: teamPartition(tenantId, teamId),
  rowKey: rosterKey(entry.userId),
  ...jsonColumns(entry),
});

export const channelPartition = (ws: WorkspaceId): string => `c|${keyPart(ws)}`;
export const channelKey = (conversationId: string): string => keyPart(conversationId);

export const subscriptionRow = (subscription: ChannelSubscription): Row => ({
  partitionKey: channelPartition(subscription.workspaceId),
  rowKey: channelKey(subscription.conversationId),
  ...jsonColumns(subscription),
});

export const personalPartition = (tenantId: TenantId, userId: UserId): string =>
  `p|${keyPart(tenantId)}|${keyPart(userId)}`;
export const PERSONAL_CHAT_KEY = 'chat';
/** The IANA time zone Teams last named for the person (column `timeZone`). */
export const PERSONAL_TIME_ZONE_KEY = 'tz';
