import type { Actor } from '@crm/shared';
import { addMember, createLead, listMembers, removeMember, type AppDeps } from '@crm/shared/application';
import type { BotApp } from './bot-app';
import {
  botInstalled,
  channelMembersChanged,
  channelSender,
  composeQuery,
  membersAdded,
  personActor,
  rosterPerson,
  type RosterPerson,
  type TestChannel,
  type TestTeam,
} from './testing/activities';
import { azuriteAppDeps } from './testing/azurite-app';
import { listeningBot, type botClient } from './testing/bot-client';
import { startConnectorStandIn, type ConnectorStandIn } from './testing/connector-stand-in';
import { must } from './testing/must';
import { ADA_LEAD } from './testing/seed';

/**
 * Who may see what, over real HTTP (CloudAdapter, unauthenticated on loopback) against Azurite and
 * the stand-in Bot Connector: a shared channel's guest is not a team member, a channel is not another
 * team, and a card carries records only where everyone reading the conversation is a member.
 */
const TENANT = '44444444-4444-4444-4444-444444444444';
const OTHER_TENANT = '55555555-5555-5555-5555-555555555555';
const NORDIC: TestTeam = { tenantId: TENANT, teamId: '19:nordic@thread.tacv2', name: 'Nordic' };
const BENELUX: TestTeam = { tenantId: TENANT, teamId: '19:benelux@thread.tacv2', name: 'Benelux' };
const SHARED: TestChannel = { id: '19:shared-with-partner@thread.tacv2', type: 'shared' };
const PRIVATE: TestChannel = { id: '19:private-deals@thread.tacv2', type: 'private' };
const ALICE = rosterPerson('alice-oid', 'Alice', TENANT);
const BOB = rosterPerson('bob-oid', 'Bob', TENANT);
const CAROL = rosterPerson('carol-oid', 'Carol', TENANT);
const DAN = rosterPerson('dan-oid', 'Dan', TENANT);
/** A partner's user, of another tenant, added to Nordic's shared channel. */
const MALLORY = rosterPerson('mallory-oid', 'Mallory', OTHER_TENANT);
/** On Nordic's roster as Teams answers it, but of another tenant. */
const EVE = rosterPerson('eve-oid', 'Eve', OTHER_TENANT);
/** Not on Nordic's roster at all. */
const FRED = rosterPerson('fred-oid', 'Fred', TENANT);
const nordic = channelSender(NORDIC);
const benelux = channelSender(BENELUX);
const actor = (p: RosterPerson): Actor => personActor(NORDIC, p);

let connector: ConnectorStandIn;
let bot: BotApp;
let app: AppDeps;
let client: ReturnType<typeof botClient>;
let ws: string;
let leadRef: { ws: string; leadId: string };

const members = async () => must(await listMembers(app, actor(ALICE), ws)).map((m) => m.userId);
const text = (value: unknown) => JSON.stringify(value);

beforeAll(async () => {
  app = await azuriteAppDeps('whosees');
  connector = await startConnectorStandIn({ rosterPageSize: 50 });
  connector.rosters.set(NORDIC.teamId, [ALICE, BOB, CAROL]);
  connector.rosters.set(BENELUX.teamId, [BOB, ALICE]);
  ({ bot, client } = await listeningBot({ app, connector }));
  await client.post(botInstalled(connector.url, NORDIC, nordic(ALICE)));
  ws = (await app.workspaces.findByTeam(TENANT, NORDIC.teamId))!.id;
  const lead = must(await createLead(app, { actor: actor(ALICE) }, ws, ADA_LEAD));
  leadRef = { ws, leadId: lead.record.id };
});

afterAll(async () => {
  await new Promise((resolve) => bot?.server.close(resolve));
  await connector?.close();
});

describe('a channel is not the team', () => {
  it('given someone of another tenant added to a shared channel, then they are no member and see no record', async () => {
    await client.post(channelMembersChanged(connector.url, NORDIC, SHARED, 'added', [MALLORY]));
    expect(await members()).not.toContain(MALLORY.aadObjectId);
    expect((await app.teams.listRoster(TENANT, NORDIC.teamId)).map((e) => e.userId)).not.toContain(
      MALLORY.aadObjectId,
    );
    // In the shared channel: nothing, for anyone (its people are not the team's).
    const inShared = { channelId: SHARED.id, channelType: SHARED.type } as const;
    const asked = await client.say('lead ada', nordic(MALLORY, inShared));
    expect(asked.text).toMatch(/shared or private channel/);
    expect(text(asked)).not.toMatch(/Lovelace|Analytical/);
    expect((await client.say('lead ada', nordic(ALICE, inShared))).text).toMatch(/shared or private channel/);
    const refreshed = await client.press('lead.show', leadRef, nordic(MALLORY, inShared), {
      trigger: 'automatic',
    });
    expect(text(refreshed)).not.toMatch(/Lovelace|Analytical/);
    const search = await client.post(composeQuery(connector.url, { search: 'ada' }, nordic(ALICE, inShared)));
    expect(search.body).toMatchObject({ composeExtension: { attachments: [] } });
    expect(text(await client.post(composeQuery(connector.url, { search: 'ada' }, nordic(ALICE))))).toContain(
      'Ada Lovelace',
    );
    // And wherever else they might write: not a member.
    expect((await client.say('lead ada', nordic(MALLORY))).text).toMatch(/no CRM workspace you can use/);
    const pressed = await client.press('lead.show', leadRef, nordic(MALLORY));
    expect(text(pressed)).toContain('Only members of this team’s CRM workspace can see this card.');
    expect(text(pressed)).not.toMatch(/Lovelace|Analytical/);
  });

  it('given a real member removed from a private channel, then they stay a member of the workspace', async () => {
    await client.post(channelMembersChanged(connector.url, NORDIC, PRIVATE, 'removed', [BOB]));
    expect(await members()).toContain(BOB.aadObjectId);
    expect(text((await client.say('lead ada', nordic(BOB))).card)).toContain('Ada Lovelace');
  });

  it('given people Teams says joined the team, then only those its roster confirms in the team’s tenant join', async () => {
    // Eve is on the roster Teams answers, but of another tenant; Fred is not on it; Dan is.
    connector.rosters.set(NORDIC.teamId, [ALICE, BOB, CAROL, EVE, DAN]);
    const lookups = connector.requests.length;
    await client.post(membersAdded(connector.url, NORDIC, [EVE, FRED, DAN]));
    const asked = connector.requests.slice(lookups).map(decodeURIComponent);
    expect(asked).toEqual(
      expect.arrayContaining(
        [EVE, FRED, DAN].map((p) => `GET /v3/conversations/${NORDIC.teamId}/members/${p.id}`),
      ),
    );
    const now = await members();
    expect(now).toContain(DAN.aadObjectId);
    expect(now).not.toContain(EVE.aadObjectId);
    expect(now).not.toContain(FRED.aadObjectId);
    expect((await client.say('lead ada', nordic(EVE))).text).toMatch(/no CRM workspace you can use/);
  });

  it('given a roster with someone of another tenant at install, then they are left out', async () => {
    const team: TestTeam = { tenantId: TENANT, teamId: '19:install@thread.tacv2', name: 'Install' };
    connector.rosters.set(team.teamId, [ALICE, MALLORY]);
    await client.post(botInstalled(connector.url, team, channelSender(team)(ALICE)));
    const bound = (await app.workspaces.findByTeam(TENANT, team.teamId))!.id;
    expect(must(await listMembers(app, actor(ALICE), bound)).map((m) => m.userId)).toEqual([
      ALICE.aadObjectId,
    ]);
    expect((await app.teams.listRoster(TENANT, team.teamId)).map((e) => e.userId)).toEqual([
      ALICE.aadObjectId,
    ]);
  });
});

describe('a channel subscribes only to its own team’s workspace', () => {
  it('given the pick list’s action sent in another team’s channel, then nothing is run and no subscription made', async () => {
    await client.post(botInstalled(connector.url, BENELUX, benelux(BOB)));
    const beneluxWs = (await app.workspaces.findByTeam(TENANT, BENELUX.teamId))!.id;
    const before = await app.conversations.listSubscriptions(ws);
    // Alice (member of both) sends the personal chat's pick action from Benelux's channel, naming Nordic.
    const answer = await client.press('workspace.pick', { ws, text: 'subscribe all' }, benelux(ALICE));
    expect(text(answer)).toMatch(/ask me in a personal chat/);
    expect(await app.conversations.listSubscriptions(ws)).toEqual(before);
    expect((await app.conversations.listSubscriptions(beneluxWs)).map((c) => c.teamId)).toEqual([
      BENELUX.teamId,
    ]);
  });

  it('given the pick list in a personal chat, then the command runs in the workspace chosen (subscribe: channels only)', async () => {
    const personal = { teamId: undefined };
    const pick = await client.say('leads', nordic(ALICE, personal));
    expect(pick.card?.actions?.map((a) => a.title)).toEqual(expect.arrayContaining(['Benelux', 'Nordic']));
    const leads = await client.press('workspace.pick', { ws, text: 'leads' }, nordic(ALICE, personal));
    expect(text(leads)).toContain('Ada Lovelace');
    const subscribe = await client.press(
      'workspace.pick',
      { ws, text: 'subscribe all' },
      nordic(ALICE, personal),
    );
    expect(text(subscribe)).toMatch(/team channel/);
    // Someone who is no member of the workspace named gets nothing of it.
    const outsider = await client.press('workspace.pick', { ws, text: 'leads' }, nordic(MALLORY, personal));
    expect(text(outsider)).not.toContain('Lovelace');
  });
});

describe('a card carries records only where everyone reading the conversation is a member', () => {
  it('given someone on the team’s roster whom an owner removed, then record commands in the channel say to ask in private', async () => {
    must(await removeMember(app, actor(ALICE), ws, CAROL.aadObjectId));
    const reply = await client.say('lead ada', nordic(ALICE));
    expect(reply.card).toBeUndefined();
    expect(reply.text).toMatch(/Not everyone in this conversation is a member/);
    expect((await client.say('leads', nordic(ALICE))).text).toMatch(/Not everyone/);
    expect((await client.say('pipeline', nordic(ALICE))).text).toMatch(/Not everyone/);
    // In a personal chat the same command shows the lead.
    expect(text((await client.say('lead ada', nordic(DAN, { teamId: undefined }))).card)).toContain(
      'Lovelace',
    );
  });

  it('given a press that changes the lead there, then the presser sees it and the message everyone reads carries no record', async () => {
    const before = connector.updated.length;
    const pressed = await client.press(
      'lead.disqualify',
      { ...leadRef, reason: 'No budget' },
      nordic(ALICE),
      { messageId: 'posted-lead-card' },
    );
    expect(text(pressed)).toContain('Ada Lovelace');
    const [update] = connector.updated.slice(before);
    expect(update).toMatchObject({ conversationId: NORDIC.teamId, replyToId: 'posted-lead-card' });
    const card = update!.activity.attachments?.[0]?.content as {
      refresh: { action: { verb: string }; userIds: string[] };
      actions: { verb: string }[];
    };
    expect(text(card)).not.toMatch(/Lovelace|Analytical|ada@|No budget/);
    expect(text(card)).toContain('Only members of this team’s CRM workspace can see this card.');
    // Each member on the roster refreshes it to their own rendering; Show does it by hand.
    expect(card.refresh).toMatchObject({ action: { verb: 'lead.show' } });
    expect([...card.refresh.userIds].sort()).toEqual([ALICE.id, BOB.id, DAN.id].sort());
    expect(card.actions.map((a) => a.verb)).toEqual(['lead.show']);
    // Carol (no member now) refreshing it learns nothing.
    const carols = await client.press('lead.show', leadRef, nordic(CAROL), { trigger: 'automatic' });
    expect(text(carols)).not.toMatch(/Lovelace|Analytical/);
  });

  it('given a group chat, then record commands say to ask in private and a press updates the message without records', async () => {
    const group = { teamId: undefined, groupChat: true } as const;
    const grace = must(
      await createLead(app, { actor: actor(ALICE) }, ws, {
        firstName: 'Grace',
        lastName: 'Hopper',
        company: 'Navy',
      }),
    );
    // Dan is in one workspace only: it is this chat's; Bob, in two, is told to pick in private.
    expect((await client.say('lead grace', nordic(DAN, group))).text).toMatch(/Not everyone/);
    expect((await client.say('lead grace', nordic(BOB, group))).text).toMatch(/ask me in a personal chat/);
    const before = connector.updated.length;
    const pressed = await client.press(
      'lead.disqualify',
      { ws, leadId: grace.record.id, reason: 'Still no budget' },
      nordic(ALICE, group),
      { messageId: 'group-card' },
    );
    expect(text(pressed)).toContain('Grace Hopper');
    const updates = connector.updated.slice(before);
    expect(updates).toHaveLength(1);
    expect(text(updates)).not.toMatch(/Grace|Hopper|Navy|budget/);
    // Not listed: Teams refreshes it for everyone in the chat, each in their own rendering.
    expect(
      (updates[0]?.activity.attachments?.[0]?.content as { refresh: object }).refresh,
    ).not.toHaveProperty('userIds');
  });

  it('given everyone on the roster a member again, then the channel shows records', async () => {
    must(await addMember(app, actor(ALICE), ws, { userId: CAROL.aadObjectId, role: 'member' }));
    expect(text((await client.say('lead ada', nordic(ALICE))).card)).toContain('Ada Lovelace');
  });
});
