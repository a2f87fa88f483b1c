import { changeChannelTopics, installBot } from '@crm/shared/application';
import { ALICE, BOB, startTestServer, type TestServer } from '../testing/test-server';

/**
 * The channels that hear a workspace's news, as owners manage them in Settings, over HTTP against
 * Azurite: the team installed the bot (its General channel subscribed), another channel subscribed
 * itself; an owner lists them with their ETags and removes one with If-Match.
 */
const TEAM = '19:settings-team@thread.tacv2';
const GENERAL = TEAM;
const WINS = '19:wins@thread.tacv2';
let server: TestServer;
let ws: string;
const channels = () => `/api/v1/workspaces/${ws}/channels`;
const channel = (id: string) => `${channels()}/${encodeURIComponent(id)}`;

beforeAll(async () => {
  server = await startTestServer();
  const installed = await installBot(server.deps, {
    teamId: TEAM,
    teamName: 'Sales Nordics',
    installer: ALICE,
    channel: { conversationId: GENERAL, address: { conversation: { id: GENERAL } } },
    roster: [{ userId: ALICE.userId }, { userId: BOB.userId }],
  });
  if (!installed.ok) throw new Error(installed.error.code);
  ws = installed.value.workspace.record.id;
  const wins = { conversationId: WINS, address: { conversation: { id: WINS, name: 'Wins' } }, teamId: TEAM };
  const subscribed = await changeChannelTopics(server.deps, BOB, ws, wins, 'subscribe', 'won');
  if (!subscribed.ok) throw new Error(subscribed.error.code);
});

describe('GET /workspaces/{ws}/channels', () => {
  it('given an owner, then every subscribed channel with its team, topics and ETag', async () => {
    const res = await (await server.as(ALICE)).get(channels());
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    const byId = new Map(res.body.items.map((c: { conversationId: string }) => [c.conversationId, c]));
    expect(byId.get(GENERAL)).toMatchObject({
      teamId: TEAM,
      teamName: 'Sales Nordics',
      general: true,
      topics: ['conversions', 'stages', 'won'],
      updatedBy: ALICE.userId,
      etag: expect.stringMatching(/^"[A-Za-z0-9_-]+"$/),
    });
    expect(byId.get(WINS)).toMatchObject({ channelName: 'Wins', general: false, topics: ['won'] });
  });

  it('given a member who is no owner, then 403 WORKSPACE.OWNER_REQUIRED and no channel', async () => {
    const res = await (await server.as(BOB)).get(channels());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('WORKSPACE.OWNER_REQUIRED');
    expect(res.text).not.toContain(WINS);
  });
});

describe('DELETE /workspaces/{ws}/channels/{conversationId}', () => {
  it('takes a channel off only with the ETag read: 428 without, 412 when changed since, then 204 and 404', async () => {
    const alice = await server.as(ALICE);
    const seen = (await alice.get(channels())).body.items.find(
      (c: { conversationId: string }) => c.conversationId === WINS,
    ) as { etag: string };
    expect((await (await server.as(BOB)).delete(channel(WINS), seen.etag)).status).toBe(403);
    const missing = await alice.delete(channel(WINS));
    expect([missing.status, missing.body.code]).toEqual([428, 'CONCURRENCY.VERSION_REQUIRED']);

    // Bob changes the channel's topics after Alice looked.
    const wins = { conversationId: WINS, address: { conversation: { id: WINS } }, teamId: TEAM };
    await changeChannelTopics(server.deps, BOB, ws, wins, 'subscribe', 'stages');
    const stale = await alice.delete(channel(WINS), seen.etag);
    expect([stale.status, stale.body.code]).toEqual([412, 'CONCURRENCY.STALE']);

    const fresh = (await alice.get(channels())).body.items.find(
      (c: { conversationId: string }) => c.conversationId === WINS,
    ) as { etag: string };
    expect((await alice.delete(channel(WINS), fresh.etag)).status).toBe(204);
    expect(
      (await alice.get(channels())).body.items.map((c: { conversationId: string }) => c.conversationId),
    ).toEqual([GENERAL]);
    expect(await server.deps.conversations.getSubscription(ws, WINS)).toBeUndefined();
    const gone = await alice.delete(channel(WINS), fresh.etag);
    expect([gone.status, gone.body.code]).toEqual([404, 'CHANNEL.NOT_FOUND']);
    const strange = await alice.delete(`${channels()}/${encodeURIComponent('19:a/b#c')}`, fresh.etag);
    expect([strange.status, strange.body.code]).toEqual([404, 'CHANNEL.NOT_FOUND']);
  });
});
