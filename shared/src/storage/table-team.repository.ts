import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { TenantId, UserId, WorkspaceId } from '../common/types';
import type { Version, Versioned } from '../records/versions';
import type { ConversationRepository, TeamRepository } from '../application/team-ports';
import type { ChannelSubscription, ConversationAddress, RosterEntry, Team } from '../workspace/team';
import { mapBounded } from './bounded';
import { MAX_ACTIONS } from './change-set-actions';
import { jsonColumns, readJsonColumns } from './json-columns';
import { prefixRange } from './record-keys';
import { statusOf } from './table-errors';
import { allRows, deleteIfExists, pointRead, rangeFilter } from './table-queries';
import {
  channelKey,
  channelPartition,
  PERSONAL_CHAT_KEY,
  PERSONAL_TIME_ZONE_KEY,
  personalPartition,
  ROSTER_PREFIX,
  rosterKey,
  rosterRow,
  subscriptionRow,
  TEAM_KEY,
  teamRow,
} from './team-rows';
import { teamPartition } from './workspace-rows';

const CONCURRENCY = 16;

/** Teams and rosters in the directory table, in the team's binding partition. */
export class TableTeamRepository implements TeamRepository {
  constructor(private readonly directory: TableClient) {}

  async saveTeam(team: Team): Promise<void> {
    await this.directory.upsertEntity(teamRow(team), 'Replace');
  }

  async getTeam(tenantId: TenantId, teamId: string): Promise<Team | undefined> {
    const row = await pointRead(this.directory, teamPartition(tenantId, teamId), TEAM_KEY);
    return row ? readJsonColumns<Team>(row) : undefined;
  }

  /** Upserts in batches of one partition (a 10,000-person org-wide team is 100 batches). */
  async addToRoster(tenantId: TenantId, teamId: string, entries: readonly RosterEntry[]): Promise<void> {
    const unique = [...new Map(entries.map((e) => [e.userId, e])).values()];
    for (let i = 0; i < unique.length; i += MAX_ACTIONS) {
      const actions = unique
        .slice(i, i + MAX_ACTIONS)
        .map((e): TransactionAction => ['upsert', rosterRow(tenantId, teamId, e), 'Replace']);
      await this.directory.submitTransaction(actions);
    }
  }

  /** One delete each: a batch would fail as a whole on a row already gone. */
  async removeFromRoster(tenantId: TenantId, teamId: string, userIds: readonly UserId[]): Promise<void> {
    const pk = teamPartition(tenantId, teamId);
    await mapBounded([...new Set(userIds)], CONCURRENCY, (userId) =>
      deleteIfExists(this.directory, pk, rosterKey(userId)),
    );
  }

  async rosterEntry(tenantId: TenantId, teamId: string, userId: UserId): Promise<RosterEntry | undefined> {
    const row = await pointRead(this.directory, teamPartition(tenantId, teamId), rosterKey(userId));
    return row ? readJsonColumns<RosterEntry>(row) : undefined;
  }

  async listRoster(tenantId: TenantId, teamId: string): Promise<RosterEntry[]> {
    const rows = await allRows(
      this.directory,
      rangeFilter(teamPartition(tenantId, teamId), prefixRange(ROSTER_PREFIX)),
    );
    return rows.map((row) => readJsonColumns<RosterEntry>(row));
  }
}

const stale = () => domainError('CONCURRENCY.STALE', 'The channel’s subscription changed meanwhile.');

/** Channel subscriptions (partition per workspace) and personal chats (partition per person). */
export class TableConversationRepository implements ConversationRepository {
  constructor(private readonly directory: TableClient) {}

  async getSubscription(
    ws: WorkspaceId,
    conversationId: string,
  ): Promise<Versioned<ChannelSubscription> | undefined> {
    const row = await pointRead(this.directory, channelPartition(ws), channelKey(conversationId));
    return row
      ? { record: readJsonColumns<ChannelSubscription>(row), version: row.etag as Version }
      : undefined;
  }

  async saveSubscription(subscription: ChannelSubscription, expected?: Version): Promise<Result<Version>> {
    const row = subscriptionRow(subscription);
    try {
      const response = expected
        ? await this.directory.updateEntity(row, 'Replace', { etag: expected })
        : await this.directory.createEntity(row);
      if (!response.etag) throw new Error('The write returned no ETag');
      return ok(response.etag as Version);
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 409 || status === 412) {
        return err(stale());
      }
      throw error;
    }
  }

  async listSubscriptions(ws: WorkspaceId): Promise<ChannelSubscription[]> {
    return (await this.listSubscriptionVersions(ws)).map((found) => found.record);
  }

  async listSubscriptionVersions(ws: WorkspaceId): Promise<Versioned<ChannelSubscription>[]> {
    const rows = await allRows(this.directory, odata`PartitionKey eq ${channelPartition(ws)}`);
    return rows.map((row) => ({
      record: readJsonColumns<ChannelSubscription>(row),
      version: row.etag as Version,
    }));
  }

  async removeSubscription(
    ws: WorkspaceId,
    conversationId: string,
    expected?: Version,
  ): Promise<Result<void>> {
    try {
      const removed = await deleteIfExists(
        this.directory,
        channelPartition(ws),
        channelKey(conversationId),
        expected,
      );
      if (!removed && expected) return err(stale());
      return ok(undefined);
    } catch (error) {
      if (statusOf(error) === 412) return err(stale());
      throw error;
    }
  }

  /** The chat row and, when given, the time zone row, in one transaction (one partition per person). */
  async savePersonalChat(
    tenantId: TenantId,
    userId: UserId,
    address: ConversationAddress,
    timeZone?: string,
  ): Promise<void> {
    const partitionKey = personalPartition(tenantId, userId);
    const chat = { partitionKey, rowKey: PERSONAL_CHAT_KEY, ...jsonColumns(address) };
    if (timeZone === undefined) {
      await this.directory.upsertEntity(chat, 'Replace');
      return;
    }
    await this.directory.submitTransaction([
      ['upsert', chat, 'Replace'],
      ['upsert', { partitionKey, rowKey: PERSONAL_TIME_ZONE_KEY, timeZone }, 'Replace'],
    ]);
  }

  async getPersonalTimeZone(tenantId: TenantId, userId: UserId): Promise<string | undefined> {
    const row = await pointRead(this.directory, personalPartition(tenantId, userId), PERSONAL_TIME_ZONE_KEY);
    return typeof row?.timeZone === 'string' ? row.timeZone : undefined;
  }

  async getPersonalChat(tenantId: TenantId, userId: UserId): Promise<ConversationAddress | undefined> {
    const row = await pointRead(this.directory, personalPartition(tenantId, userId), PERSONAL_CHAT_KEY);
    return row ? readJsonColumns<ConversationAddress>(row) : undefined;
  }
}
