import { anActor, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import { aLeadConvertedEvent, anOpportunity } from '../../testing/builders';
import {
  channelTopics,
  notificationTargets,
  rememberPersonalChat,
  targetReach,
  changeChannelTopics,
  listSubscribedChannels,
  removeSubscribedChannel,
} from './channel.use-case';
import {
  installBot,
  teamCardAudience,
  teamMembersJoined,
  teamMembersLeft,
  uninstallBot,
} from './team.use-case';
import { createWorkspace, listMembers, listMyWorkspaces, removeMember } from './workspace.use-case';

const anna = anActor();
const bo = anActor({ userId: 'user-bo', name: 'Bo' });
const channel = { conversationId: '19:general@thread.tacv2', address: { conversation: { id: 'general' } } };
const install = {
  teamId: '19:team@thread.tacv2',
  teamName: 'Verkoop Noord',
  aadGroupId: 'group-1',
  installer: anna,
  channel,
  roster: [
    { userId: anna.userId, name: 'Anna' },
    { userId: bo.userId, name: 'Bo', teamsUserId: '29:bo' },
  ],
};

describe('installBot', () => {
  it('given a new team, then a workspace named after it, installer owner, roster members, channel subscribed', async () => {
    const { deps } = inMemoryApp();
    const { workspace, created } = expectOk(await installBot(deps, install));

    expect(created).toBe(true);
    expect(workspace.record).toMatchObject({
      name: 'Verkoop Noord',
      teamId: install.teamId,
      tenantId: anna.tenantId,
    });
    expect(
      expectOk(await listMembers(deps, anna, workspace.record.id)).map((m) => [m.userId, m.role]),
    ).toEqual([
      [anna.userId, 'owner'],
      [bo.userId, 'member'],
    ]);
    expect(await channelTopicsOf(deps, workspace.record.id)).toEqual(['conversions', 'stages', 'won']);
    expect(await deps.teams.getTeam(anna.tenantId, install.teamId)).toMatchObject({ aadGroupId: 'group-1' });
  });

  it('given a re-sent install, then the same workspace, nothing twice', async () => {
    const { deps } = inMemoryApp();
    const first = expectOk(await installBot(deps, install));
    const again = expectOk(await installBot(deps, install));
    expect(again).toMatchObject({ created: false, workspace: { record: { id: first.workspace.record.id } } });
    expect(await listMyWorkspaces(deps, anna)).toHaveLength(1);
  });

  it('given a team already bound, then the roster is synced into that workspace and leavers lose access', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await installBot(deps, install)).workspace.record.id;
    await changeChannelTopics(deps, anna, ws, { ...channel, teamId: install.teamId }, 'unsubscribe', 'all');
    expectOk(
      await installBot(deps, {
        ...install,
        installer: bo,
        roster: [{ userId: bo.userId }, { userId: anna.userId }, { userId: 'cleo' }],
      }),
    );
    expect(expectOk(await listMembers(deps, anna, ws)).map((m) => m.userId)).toEqual(
      [anna.userId, 'cleo', bo.userId].sort(),
    );
    // A re-install keeps the channel's own choice.
    expect(await channelTopicsOf(deps, ws)).toEqual([]);

    await teamMembersLeft(deps, anna.tenantId, install.teamId, [bo.userId]);
    expect(codeOf(await listMembers(deps, bo, ws))).toBe('WORKSPACE.NOT_FOUND');
    expect(await deps.teams.rosterEntry(anna.tenantId, install.teamId, bo.userId)).toBeUndefined();
    expect(codeOf(await createWorkspace(deps, bo, { name: 'Mine', teamId: install.teamId }))).toBe(
      'WORKSPACE.TEAM_NOT_VERIFIED',
    );

    await teamMembersJoined(deps, anna.tenantId, install.teamId, [{ userId: 'dan', name: 'Dan' }], 'bot');
    expect(expectOk(await listMembers(deps, anna, ws)).map((m) => m.userId)).toContain('dan');
  });

  it('given the bot removed from the team, then the team channel hears nothing more', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await installBot(deps, install)).workspace.record.id;
    await uninstallBot(deps, anna.tenantId, install.teamId);
    expect(await deps.conversations.listSubscriptions(ws)).toEqual([]);
    expect(await deps.teams.getTeam(anna.tenantId, install.teamId)).toHaveProperty('removedAt');
  });
});

describe('channel subscriptions and notification targets', () => {
  it('given subscribe/unsubscribe per topic, then the channel hears what it chose', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await installBot(deps, install)).workspace.record.id;
    const other = {
      conversationId: '19:other@thread.tacv2',
      address: { conversation: { id: 'other' } },
      teamId: install.teamId,
    };
    const general = { ...channel, teamId: install.teamId };
    expect(expectOk(await changeChannelTopics(deps, bo, ws, other, 'subscribe', 'won'))).toEqual(['won']);
    expect(expectOk(await changeChannelTopics(deps, anna, ws, general, 'unsubscribe', 'stages'))).toEqual([
      'conversions',
      'won',
    ]);
    expect(codeOf(await changeChannelTopics(deps, anna, ws, general, 'subscribe', 'gossip'))).toBe(
      'CHANNEL.UNKNOWN_TOPIC',
    );
    expect(
      codeOf(
        await changeChannelTopics(deps, anActor({ userId: 'stranger' }), ws, general, 'subscribe', 'all'),
      ),
    ).toBe('WORKSPACE.NOT_FOUND');
    expect(expectOk(await channelTopics(deps, bo, ws, other.conversationId))).toEqual(['won']);

    const converted = aLeadConvertedEvent({ workspaceId: ws });
    expect((await notificationTargets(deps, converted)).map((t) => t.key)).toEqual([
      `channel:${channel.conversationId}`,
    ]);
    const won = {
      ...converted,
      type: 'opportunity.won' as const,
      data: { opportunityId: 'o', name: 'Deal', organisationId: 'org', currency: 'EUR' },
    };
    expect((await notificationTargets(deps, won)).map((t) => t.key).sort()).toEqual(
      [`channel:${channel.conversationId}`, `channel:${other.conversationId}`].sort(),
    );
    expect(await targetReach(deps, won, { key: `channel:${other.conversationId}`, kind: 'channel' })).toEqual(
      { kind: 'address', address: other.address },
    );
  });

  it('given someone else moves a deal, then its owner hears in their personal chat (known, or started)', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await installBot(deps, install)).workspace.record.id;
    const deal = anOpportunity({ workspaceId: ws, ownerId: bo.userId, stage: 'proposal' });
    expectOk(
      await deps.records.commit(ws, {
        writes: [{ type: 'insert', kind: 'opportunity', record: deal }],
        events: [],
      }),
    );
    const moved = {
      id: 'e1',
      type: 'opportunity.stage-changed' as const,
      workspaceId: ws,
      occurredAt: '2026-11-22T10:00:00.000Z',
      actorId: anna.userId,
      data: {
        opportunityId: deal.id,
        name: deal.name,
        organisationId: deal.organisationId,
        currency: 'EUR',
        from: 'prospecting',
        to: 'proposal',
      },
    };
    const toBo = { key: `personal:${bo.userId}`, kind: 'personal' as const };
    // Bo never chatted with the bot, but is on the team's roster: a chat can be started.
    expect(await notificationTargets(deps, moved)).toContainEqual(toBo);
    expect(await targetReach(deps, moved, toBo)).toEqual({
      kind: 'start',
      person: { tenantId: bo.tenantId, userId: bo.userId, teamsUserId: '29:bo', via: channel.address },
    });
    // The bot left the team: nothing to start a chat through.
    await uninstallBot(deps, anna.tenantId, install.teamId);
    expect(await notificationTargets(deps, moved)).toEqual([]);
    // A chat the bot has still works.
    await rememberPersonalChat(deps, bo, { conversation: { id: 'a:bo' } });
    expect(await notificationTargets(deps, moved)).toContainEqual(toBo);
    expect(await targetReach(deps, moved, toBo)).toEqual({
      kind: 'address',
      address: { conversation: { id: 'a:bo' } },
    });
    // Moving one's own deal tells nobody in private.
    expect(await notificationTargets(deps, { ...moved, actorId: bo.userId })).not.toContainEqual(
      expect.objectContaining({ kind: 'personal' }),
    );
  });

  it('given someone else gives a deal to Bo, then Bo hears in their personal chat and no channel does', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await installBot(deps, install)).workspace.record.id;
    const handed = {
      id: 'e2',
      type: 'opportunity.owner-changed' as const,
      workspaceId: ws,
      occurredAt: '2026-11-22T10:00:00.000Z',
      actorId: anna.userId,
      data: {
        opportunityId: 'opp-1',
        name: 'Fjord',
        organisationId: 'org-1',
        currency: 'EUR',
        from: anna.userId,
        to: bo.userId,
        stage: 'proposal',
      },
    };
    const toBo = { key: `personal:${bo.userId}`, kind: 'personal' as const };

    expect(await notificationTargets(deps, handed)).toEqual([toBo]);
    // Taking a deal oneself tells nobody.
    expect(await notificationTargets(deps, { ...handed, actorId: bo.userId })).toEqual([]);
  });
});

describe('a channel is not another team', () => {
  it('given a channel of another team (or none named), then no subscription to this workspace', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await installBot(deps, install)).workspace.record.id;
    const elsewhere = {
      conversationId: '19:b-general@thread.tacv2',
      address: { conversation: { id: 'b' } },
      teamId: '19:team-b@thread.tacv2',
    };
    for (const change of ['subscribe', 'unsubscribe'] as const) {
      expect(codeOf(await changeChannelTopics(deps, anna, ws, elsewhere, change, 'all'))).toBe(
        'CHANNEL.OTHER_TEAM',
      );
    }
    const unbound = expectOk(await createWorkspace(deps, anna, { name: 'Solo' })).record.id;
    expect(codeOf(await changeChannelTopics(deps, anna, unbound, elsewhere, 'subscribe', 'won'))).toBe(
      'CHANNEL.OTHER_TEAM',
    );
    expect((await deps.conversations.listSubscriptions(ws)).map((c) => c.conversationId)).toEqual([
      channel.conversationId,
    ]);
    expect(await deps.conversations.listSubscriptions(unbound)).toEqual([]);
  });
});

describe('subscribed channels in Settings', () => {
  it('given a bound team, then owners see each subscribed channel with its team and version; others may not', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await installBot(deps, install)).workspace.record.id;
    const named = {
      conversationId: '19:wins@thread.tacv2',
      address: { conversation: { id: '19:wins@thread.tacv2', name: 'Wins' } },
      teamId: install.teamId,
    };
    expectOk(await changeChannelTopics(deps, bo, ws, named, 'subscribe', 'won'));
    const channels = expectOk(await listSubscribedChannels(deps, anna, ws));
    expect(channels.map((c) => c.record)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          conversationId: channel.conversationId,
          teamId: install.teamId,
          teamName: 'Verkoop Noord',
          general: false,
          topics: ['conversions', 'stages', 'won'],
        }),
        expect.objectContaining({
          conversationId: named.conversationId,
          channelName: 'Wins',
          topics: ['won'],
        }),
      ]),
    );
    expect(channels.every((c) => typeof c.version === 'string')).toBe(true);
    expect(codeOf(await listSubscribedChannels(deps, bo, ws))).toBe('WORKSPACE.OWNER_REQUIRED');
    expect(codeOf(await listSubscribedChannels(deps, anActor({ userId: 'stranger' }), ws))).toBe(
      'WORKSPACE.NOT_FOUND',
    );
  });

  it('given an owner removing a channel, then with the version read only, and it hears nothing more', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await installBot(deps, install)).workspace.record.id;
    const [seen] = expectOk(await listSubscribedChannels(deps, anna, ws));
    const id = seen!.record.conversationId;
    expect(codeOf(await removeSubscribedChannel(deps, bo, ws, id, seen!.version))).toBe(
      'WORKSPACE.OWNER_REQUIRED',
    );
    expect(codeOf(await removeSubscribedChannel(deps, anna, ws, id, undefined))).toBe(
      'CONCURRENCY.VERSION_REQUIRED',
    );
    // Someone changed its topics after the owner looked: the owner's version is stale.
    expectOk(
      await changeChannelTopics(deps, bo, ws, { ...channel, teamId: install.teamId }, 'unsubscribe', 'won'),
    );
    expect(codeOf(await removeSubscribedChannel(deps, anna, ws, id, seen!.version))).toBe(
      'CONCURRENCY.STALE',
    );
    const [fresh] = expectOk(await listSubscribedChannels(deps, anna, ws));
    expectOk(await removeSubscribedChannel(deps, anna, ws, id, fresh!.version));
    expect(expectOk(await listSubscribedChannels(deps, anna, ws))).toEqual([]);
    expect(await notificationTargets(deps, aLeadConvertedEvent({ workspaceId: ws }))).toEqual([]);
    expect(codeOf(await removeSubscribedChannel(deps, anna, ws, id, fresh!.version))).toBe(
      'CHANNEL.NOT_FOUND',
    );
  });
});

describe('teamCardAudience', () => {
  it('given a bound team, then the Teams ids of members on its roster, the caller first, at most the limit', async () => {
    const { deps } = inMemoryApp();
    const roster = [
      { userId: anna.userId, name: 'Anna', teamsUserId: '29:anna' },
      { userId: bo.userId, name: 'Bo', teamsUserId: '29:bo' },
      { userId: 'user-cy', name: 'Cy' },
      ...Array.from({ length: 70 }, (_, i) => ({
        userId: `user-${String(i).padStart(2, '0')}`,
        teamsUserId: `29:p${i}`,
      })),
    ];
    const ws = expectOk(await installBot(deps, { ...install, roster })).workspace.record.id;
    const { viewers, everyoneIsMember } = expectOk(await teamCardAudience(deps, bo, ws, install.teamId, 60));
    expect(viewers).toHaveLength(60);
    expect(viewers[0]).toBe('29:bo');
    expect(viewers.every((v) => v.startsWith('29:'))).toBe(true);
    expect(new Set(viewers).size).toBe(60);
    expect(everyoneIsMember).toBe(true);
    // Someone who left is no member: not listed; a non-member learns nothing.
    await teamMembersLeft(deps, anna.tenantId, install.teamId, ['user-00']);
    const after = expectOk(await teamCardAudience(deps, anna, ws, install.teamId, 100));
    expect(after.viewers).not.toContain('29:p0');
    expect(after.viewers).toHaveLength(71);
    expect(
      codeOf(await teamCardAudience(deps, anActor({ userId: 'stranger' }), ws, install.teamId, 60)),
    ).toBe('WORKSPACE.NOT_FOUND');
  });

  it('given someone on the roster whom an owner removed from the workspace, then not everyone reading the channel is a member', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await installBot(deps, install)).workspace.record.id;
    expect(expectOk(await teamCardAudience(deps, anna, ws, install.teamId, 60)).everyoneIsMember).toBe(true);
    expectOk(await removeMember(deps, anna, ws, bo.userId));
    expect(expectOk(await teamCardAudience(deps, anna, ws, install.teamId, 60))).toEqual({
      viewers: [],
      everyoneIsMember: false,
    });
  });

  it('given another team than the bound one (a card of this workspace in another team), or the bot removed, then not everyone is a member', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await installBot(deps, install)).workspace.record.id;
    expect(expectOk(await teamCardAudience(deps, anna, ws, '19:other@thread.tacv2', 60))).toEqual({
      viewers: [],
      everyoneIsMember: false,
    });
    await uninstallBot(deps, anna.tenantId, install.teamId);
    expect(expectOk(await teamCardAudience(deps, anna, ws, install.teamId, 60)).everyoneIsMember).toBe(false);
  });

  it('given a workspace bound to no team, then nobody is listed', async () => {
    const { deps } = inMemoryApp();
    const ws = expectOk(await createWorkspace(deps, anna, { name: 'Solo' })).record.id;
    expect(expectOk(await teamCardAudience(deps, anna, ws, install.teamId, 60))).toEqual({
      viewers: [],
      everyoneIsMember: false,
    });
  });
});

async function channelTopicsOf(deps: ReturnType<typeof inMemoryApp>['deps'], ws: string) {
  return expectOk(await channelTopics(deps, anna, ws, channel.conversationId));
}
