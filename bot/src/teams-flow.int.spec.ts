import type { AddressInfo } from 'node:net';
import type { Actor } from '@crm/shared';
import {
  createLead,
  createWorkspace,
  listMembers,
  listRecords,
  listSubscribedChannels,
  removeSubscribedChannel,
  type AppDeps,
  type NotificationChannel,
} from '@crm/shared/application';
import pino from 'pino';
import { createBot, type BotApp } from './bot-app';
import { createTranslator } from './messages/translator';
import { createTeamsNotificationChannel } from './notifications/teams-notification-channel';
import {
  botInstalled,
  botRemoved,
  channelSender,
  composeQuery,
  membersAdded,
  membersRemoved,
  personActor,
  rosterPerson,
  teamsMessage,
  type TestTeam,
} from './testing/activities';
import { botClient } from './testing/bot-client';
import { startConnectorStandIn, type ConnectorStandIn } from './testing/connector-stand-in';
import { azuriteAppDeps } from './testing/azurite-app';
import { must } from './testing/must';
import { ADA_LEAD } from './testing/seed';

/**
 * The whole Teams story over real HTTP (CloudAdapter, unauthenticated on loopback) against Azurite
 * and the stand-in Bot Connector: install → roster → command → card action → notification.
 */
const TENANT = '22222222-2222-2222-2222-222222222222';
const TEAM: TestTeam = {
  tenantId: TENANT,
  teamId: '19:nordic-sales@thread.tacv2',
  name: 'Nordic Sales',
  aadGroupId: 'group-nordic',
};
const ALICE = rosterPerson('alice-oid', 'Alice', TENANT);
const BOB = rosterPerson('bob-oid', 'Bob', TENANT);
const CAROL = rosterPerson('carol-oid', 'Carol', TENANT);
const DAN = rosterPerson('dan-oid', 'Dan', TENANT);
const sender = channelSender(TEAM);
const actor = (p: { aadObjectId: string; name: string }): Actor => personActor(TEAM, p);

let connector: ConnectorStandIn;
let bot: BotApp;
let botUrl: string;
let app: AppDeps;
let channel: NotificationChannel;
let ws: string;
let post: BotClient['post'];
let say: BotClient['say'];
let press: BotClient['press'];
type BotClient = ReturnType<typeof botClient>;

beforeAll(async () => {
  app = await azuriteAppDeps('flow');
  connector = await startConnectorStandIn({ rosterPageSize: 2 });
  connector.rosters.set(TEAM.teamId, [ALICE, BOB, CAROL]);
  const logger = pino({ level: 'silent' });
  const translator = createTranslator();
  bot = createBot({ app, credentials: undefined, translator, logger, ready: async () => undefined });
  channel = createTeamsNotificationChannel({
    app,
    translator,
    poster: bot.poster,
    startChat: bot.startChat,
    logger,
  });
  await new Promise<void>((resolve) => bot.server.listen(0, '127.0.0.1', resolve));
  botUrl = `http://127.0.0.1:${(bot.server.address() as AddressInfo).port}`;
  ({ post, say, press } = botClient(botUrl, connector));
});

afterAll(async () => {
  await new Promise((resolve) => bot?.server.close(resolve));
  await connector?.close();
});

/** What the relay does with one event: every target, one send each. */
async function deliver(eventType: string) {
  const pending = await app.outbox.pending(ws, 50);
  const entry = pending.find((p) => p.event.type === eventType);
  if (!entry) throw new Error(`no pending ${eventType}`);
  const targets = await channel.targetsFor(entry.event);
  const outcomes = [];
  for (const target of targets) outcomes.push({ target, outcome: await channel.send(target, entry.event) });
  await app.outbox.markDelivered(ws, entry);
  return { event: entry.event, outcomes };
}

/** Proactive posts (not replies to the test's own activities) into one conversation. */
const sentCards = (conversationId: string) =>
  connector.sent
    .filter((s) => s.conversationId === conversationId && !s.replyToId?.startsWith('activity-'))
    .map((s) => s.activity.attachments?.[0]?.content);

describe('a team installs the bot and works its pipeline from the channel', () => {
  it('install: records the team, binds a new workspace named after it, syncs the roster, welcomes', async () => {
    const res = await post(botInstalled(connector.url, TEAM, sender(ALICE, { locale: 'en-US' })));
    expect(res.status).toBe(200);
    const bound = await app.workspaces.findByTeam(TENANT, TEAM.teamId);
    expect(bound).toMatchObject({ name: 'Nordic Sales', teamId: TEAM.teamId, tenantId: TENANT });
    ws = bound!.id;
    const members = must(await listMembers(app, actor(ALICE), ws));
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual([
      [ALICE.aadObjectId, 'owner'],
      [BOB.aadObjectId, 'member'],
      [CAROL.aadObjectId, 'member'],
    ]);
    // Three people in pages of two: the roster was read page by page.
    expect(connector.requests.filter((r) => r.endsWith('/pagedmembers'))).toHaveLength(2);
    const welcome = connector.sent.find((s) => s.conversationId === TEAM.teamId)?.activity;
    expect(JSON.stringify(welcome?.attachments?.[0]?.content)).toContain(
      'Pipeline CRM is ready: Nordic Sales',
    );
    expect(await app.conversations.listSubscriptions(ws)).toEqual([
      expect.objectContaining({ conversationId: TEAM.teamId, topics: ['conversions', 'stages', 'won'] }),
    ]);

    // Teams re-sends the install: nothing twice.
    await post(botInstalled(connector.url, TEAM, sender(ALICE)));
    expect(must(await listMembers(app, actor(ALICE), ws))).toHaveLength(3);
  });

  it('binding by id: only a recorded team whose roster holds the caller', async () => {
    const outsider: Actor = { tenantId: TENANT, userId: 'mallory-oid' };
    await post(botInstalled(connector.url, { ...TEAM, teamId: '19:other@thread.tacv2', name: 'Other' }, {}));
    expect(
      await createWorkspace(app, outsider, { name: 'Mine', teamId: '19:never@thread.tacv2' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE.TEAM_NOT_VERIFIED' },
    });
    expect(await createWorkspace(app, actor(BOB), { name: 'Again', teamId: TEAM.teamId })).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE.TEAM_ALREADY_BOUND' },
    });
  });

  it('roster events: a leaver loses access, a joiner gains it', async () => {
    // Teams' roster changes first; the events follow (a joiner is confirmed against the roster).
    connector.rosters.set(TEAM.teamId, [ALICE, CAROL]);
    await post(membersRemoved(connector.url, TEAM, [BOB]));
    expect((await say('leads', sender(BOB))).text).toMatch(/no CRM workspace you can use/);
    connector.rosters.set(TEAM.teamId, [ALICE, CAROL, DAN]);
    await post(membersAdded(connector.url, TEAM, [DAN]));
    expect((await say('leads', sender(DAN))).card).toBeDefined();
  });

  it('commands: leads by status and deals by stage, in the user’s language', async () => {
    const caller = { actor: actor(ALICE) };
    must(await createLead(app, caller, ws, { lastName: 'Kowalski', status: 'working-contacted' }));
    must(await createLead(app, caller, ws, { lastName: 'Nowak' }));
    const working = JSON.stringify((await say('leads Working – Contacted', sender(ALICE))).card);
    expect(working).toContain('Kowalski');
    expect(working).not.toContain('Nowak');
    const none = await say('deals negociação', sender(ALICE, { locale: 'pt-BR' }));
    expect(JSON.stringify(none.card)).toContain('Nenhum negócio');
  });

  it('commands: qualify shows the checklist card; its submit converts once, however often it is pressed', async () => {
    const ada = must(await createLead(app, { actor: actor(ALICE) }, ws, ADA_LEAD)).record;
    // Alice talks to the bot once in private, so it can reach her there later.
    await say('help', { ...sender(ALICE), teamId: undefined });
    await say('deals', { ...sender(ALICE), teamId: undefined });

    const qualify = await say('<at>Pipeline CRM</at> qualify ada@engines.example', sender(ALICE));
    const submit = qualify.card?.actions?.find((a) => a.verb === 'lead.convert');
    expect(submit).toBeDefined();
    expect(JSON.stringify(qualify.card)).toContain('"type":"Input.Toggle"');
    const inputs = {
      budget: 'true',
      authority: 'true',
      need: 'true',
      timeline: 'true',
      amount: '12000',
      currency: 'EUR',
      closeDate: '2026-12-31',
      createOpportunity: 'true',
      // "Create a new one", the lists' default choice.
      organisationId: 'new',
      contactId: 'new',
    };
    const [first, second] = await Promise.all([
      press('lead.convert', { ...submit!.data, ...inputs }, sender(ALICE)),
      press('lead.convert', { ...submit!.data, ...inputs }, sender(ALICE)),
    ]);
    expect(JSON.stringify(first)).toContain('Ada Lovelace is converted.');
    expect(JSON.stringify(second)).toContain('Ada Lovelace is converted.');
    expect(first.refresh).toMatchObject({ action: { verb: 'lead.show' } });
    const organisations = must(
      await listRecords(app, { actor: actor(ALICE) }, ws, 'organisation', { limit: 10 }),
    );
    expect(organisations.items.map((o) => o.record.name)).toEqual(['Analytical Engines']);
    // The checklist was committed with the conversion.
    expect((await app.records.get(ws, 'lead', ada.id))?.record).toMatchObject({
      status: 'closed-converted',
      qualification: { budget: true, authority: true, need: true, timeline: true },
    });
  });

  it('commands: a Convert press whose conversion fails saves nothing, not even the checklist', async () => {
    const lead = must(
      await createLead(app, { actor: actor(ALICE) }, ws, {
        lastName: 'Babbage',
        company: 'Difference Engines',
      }),
    ).record;
    const card = await say('qualify babbage', sender(ALICE));
    const submit = card.card!.actions!.find((a) => a.verb === 'lead.convert')!;
    await press(
      'lead.convert',
      { ...submit.data, budget: 'true', need: 'true', organisationId: '01NOSUCHORGANISATION' },
      sender(ALICE),
    );
    expect((await app.records.get(ws, 'lead', lead.id))?.record).toMatchObject({
      status: 'open-not-contacted',
      qualification: { budget: false, need: false },
    });
  });

  it('notification: the channel hears of the conversion (who, organisation, deal)', async () => {
    const { outcomes } = await deliver('lead.converted');
    expect(outcomes).toEqual([
      { target: { key: `channel:${TEAM.teamId}`, kind: 'channel' }, outcome: { kind: 'sent' } },
    ]);
    const card = sentCards(TEAM.teamId).at(-1);
    expect(JSON.stringify(card)).toContain('Alice converted Ada Lovelace.');
    expect(JSON.stringify(card)).toContain('Analytical Engines');
    expect(JSON.stringify(card)).toContain('€12,000.00');
  });

  it('move: Carol moves Alice’s deal; the channel and Alice (in private) hear of it; a stale card shows the fresh state', async () => {
    const moved = await say('move analytical proposal', sender(CAROL));
    expect(JSON.stringify(moved.card)).toContain('Moved to Proposal.');
    const { outcomes } = await deliver('opportunity.stage-changed');
    expect(outcomes.map((o) => [o.target.kind, o.outcome.kind])).toEqual([
      ['channel', 'sent'],
      ['personal', 'sent'],
    ]);
    expect(JSON.stringify(sentCards(TEAM.teamId).at(-1))).toContain('Carol moved');
    expect(sentCards(`a:personal-${ALICE.aadObjectId}`)).toHaveLength(1);

    // The card Carol got was made before; Dan presses "Move" on an older version after the move.
    const move = moved.card!.actions!.find((a) => a.verb === 'deal.move')!;
    const stale = await press(
      'deal.move',
      { ...move.data, version: 'W/"stale"', stage: 'negotiation' },
      sender(DAN),
    );
    expect(JSON.stringify(stale)).toContain('Someone changed this in the meantime');
    expect(JSON.stringify(stale)).toContain('Proposal');
  });

  it('won: one celebratory card with amount and owner; pressing twice moves once', async () => {
    const deal = (await say('move analytical proposal', sender(ALICE))).card!.actions!.find(
      (a) => a.verb === 'deal.move',
    )!;
    const [a, b] = await Promise.all([
      press('deal.move', { ...deal.data, stage: 'closed-won' }, sender(ALICE)),
      press('deal.move', { ...deal.data, stage: 'closed-won' }, sender(ALICE)),
    ]);
    expect([JSON.stringify(a), JSON.stringify(b)].join()).toContain('Moved to Closed won.');
    const pending = await app.outbox.pending(ws, 50);
    expect(pending.filter((p) => p.event.type === 'opportunity.won')).toHaveLength(1);
    // The channel hears about wins: the plain move is not told twice.
    const moveDelivery = await deliver('opportunity.stage-changed');
    expect(moveDelivery.outcomes.filter((o) => o.target.kind === 'channel')).toEqual([]);
    const { outcomes } = await deliver('opportunity.won');
    expect(outcomes.map((o) => o.outcome.kind)).toEqual(['sent']);
    const won = JSON.stringify(sentCards(TEAM.teamId).at(-1));
    expect(won).toContain('🎉 Deal won!');
    expect(won).toContain('€12,000.00');
    expect(won).toContain('Congratulations, Alice!');
  });

  it('Teams says 429 / 500 → retry (with Retry-After), 403 → gone and the channel is unsubscribed', async () => {
    must(await createLead(app, { actor: actor(ALICE) }, ws, { lastName: 'Hopper', company: 'Compilers' }));
    const hopper = await say('qualify hopper', sender(ALICE));
    const submit = hopper.card!.actions!.find((x) => x.verb === 'lead.convert')!;
    await press('lead.convert', { ...submit.data, createOpportunity: 'false' }, sender(ALICE));
    const pending = (await app.outbox.pending(ws, 50)).find((p) => p.event.type === 'lead.converted')!.event;
    const [target] = await channel.targetsFor(pending);

    // One attempt per send: the SDK's own silent retries are off, the relay decides.
    const attempts = async (failure: { status: number; retryAfterSeconds?: number }) => {
      connector.inject(TEAM.teamId, failure);
      const before = connector.requests.length;
      const outcome = await channel.send(target!, pending);
      return { outcome, requests: connector.requests.length - before };
    };
    expect(await attempts({ status: 429, retryAfterSeconds: 7 })).toEqual({
      outcome: { kind: 'retry', reason: 'Bot Connector answered 429', afterMs: 7000 },
      requests: 1,
    });
    expect(await attempts({ status: 503 })).toMatchObject({ outcome: { kind: 'retry' }, requests: 1 });
    expect(await attempts({ status: 412 })).toMatchObject({ outcome: { kind: 'retry' }, requests: 1 });
    expect(await attempts({ status: 403 })).toMatchObject({ outcome: { kind: 'gone' }, requests: 1 });
    // Not retried, not dropped silently: marked broken, so owners see it in Settings.
    expect(await app.conversations.listSubscriptions(ws)).toEqual([
      expect.objectContaining({
        conversationId: TEAM.teamId,
        broken: { at: expect.any(String), reason: 'Bot Connector answered 403' },
      }),
    ]);
    expect(await channel.targetsFor(pending)).toEqual([]);
    const owners = must(await listSubscribedChannels(app, actor(ALICE), ws));
    expect(owners.map((c) => c.record.broken?.reason)).toEqual(['Bot Connector answered 403']);
  });

  it('subscribe / unsubscribe / subscriptions per channel, in the user’s language', async () => {
    // General was marked broken by the 403 above: it hears nothing, and says what mends it.
    expect(JSON.stringify((await say('subscriptions', sender(ALICE))).card)).toContain(
      'Teams has refused my posts in this channel since',
    );
    expect((await say('subscribe won', sender(ALICE, { locale: 'nl-NL' }))).text).toBe(
      'Dit kanaal hoort over: gewonnen deals.',
    );
    expect((await say('subscribe', sender(ALICE, { locale: 'nb-NO' }))).text).toContain('vunne avtaler');
    expect((await say('unsubscribe stages', sender(ALICE, { locale: 'pt-BR' }))).text).toBe(
      'Este canal é avisado sobre: negócios ganhos, leads convertidos.',
    );
    expect((await say('subscribe', { ...sender(ALICE), teamId: undefined })).text).toMatch(/team channel/);
  });

  it('subscriptions: a channel whose subscription is marked broken is named, with what to do; owners see every channel', async () => {
    const SUPPORT = '19:support@thread.tacv2';
    const inSupport = sender(ALICE, { channelId: SUPPORT });
    expect((await say('subscribe stages', inSupport)).text).toBe(
      'This channel hears about: deals changing stage \\(and lost deals\\).',
    );
    // The relay marks it broken when Teams answers 403/404; here it is marked in storage directly.
    const saved = (await app.conversations.getSubscription(ws, SUPPORT))!;
    must(
      await app.conversations.saveSubscription(
        { ...saved.record, broken: { at: '2026-12-05T10:00:00.000Z', reason: 'Bot Connector answered 404' } },
        saved.version,
      ),
    );
    const cardText = async (from: Parameters<typeof say>[1]) => {
      const reply = await say('subscriptions', from);
      // Card text as read: markdown escapes of table cells (`\\(`) taken out.
      return JSON.stringify(reply.card ?? reply.text).replace(/\\\\([()])/g, '$1');
    };

    // An owner asking in General: General works (it was mended above), Support is broken, and what to do.
    const inGeneral = await cardText(sender(ALICE));
    expect(inGeneral).toContain('This channel hears about: won deals, converted leads.');
    expect(inGeneral).toContain('Channels that hear this workspace:');
    expect(inGeneral).toContain('Nordic Sales › General');
    expect(inGeneral).toContain(`Nordic Sales › ${SUPPORT}`);
    expect(inGeneral).toContain('⚠ Teams refuses posts here (since Dec 5, 2026)');
    expect(inGeneral).toContain(
      'add Pipeline CRM to the team again and say **subscribe** in the channel, or remove the subscription',
    );
    // In the broken channel itself: it hears nothing, since when, and how to mend it.
    expect(await cardText(inSupport)).toContain(
      '⚠ Teams has refused my posts in this channel since Dec 5, 2026, so it hears nothing now.',
    );
    // In the owner's personal chat: the channels, the broken one named.
    const personal = await cardText({ ...sender(ALICE), teamId: undefined });
    expect(personal).toContain(`Nordic Sales › ${SUPPORT}`);
    expect(personal).toContain('⚠ Teams refuses posts here (since Dec 5, 2026)');
    // A member sees this channel's state only; in a personal chat they are told to ask in a channel.
    const member = await cardText(sender(CAROL, { channelId: SUPPORT }));
    expect(member).toContain('Teams has refused my posts in this channel since Dec 5, 2026');
    expect(member).not.toContain('Channels that hear this workspace');
    expect(await cardText({ ...sender(CAROL), teamId: undefined })).toContain('team channel');
    // `subscribe` in the channel mends it.
    await say('subscribe won', inSupport);
    expect(await cardText(inSupport)).toContain('This channel hears about: won deals.');
    // …and an owner removes it in Settings.
    const mended = (await app.conversations.getSubscription(ws, SUPPORT))!;
    must(await removeSubscribedChannel(app, actor(ALICE), ws, SUPPORT, mended.version));
  });

  it('escapes what people typed: a lead named like a link stays text', async () => {
    must(
      await createLead(app, { actor: actor(ALICE) }, ws, {
        lastName: '[Pay](https://evil.example)',
        company: 'Evil',
      }),
    );
    const reply = await say('lead evil', sender(ALICE));
    const json = JSON.stringify(reply.card);
    expect(json).toContain('\\\\[Pay\\\\]\\\\(https://evil.example\\\\)');
    expect(json).not.toMatch(/[^\\]\[Pay\]\(https/);
    // …and in the leads table (its cells are escaped by the table builder).
    const list = JSON.stringify((await say('leads evil', sender(ALICE))).card);
    expect(list).toContain('\\\\[Pay\\\\]\\\\(https://evil.example\\\\)');
    expect(list).not.toMatch(/[^\\]\[Pay\]\(https/);
  });

  it('compose box: search finds records of this team only; a link to a workspace you are not in unfurls to nothing', async () => {
    const found = await post(composeQuery(connector.url, { search: 'analytical' }, sender(ALICE)));
    const attachments = (
      found.body as { composeExtension: { attachments: { preview: { content: { title: string } } }[] } }
    ).composeExtension.attachments;
    expect(attachments.map((a) => a.preview.content.title)).toEqual(
      expect.arrayContaining(['Analytical Engines']),
    );
    const link = await post(
      composeQuery(connector.url, { url: `https://tab.example/personal#/w/${ws}/leads/nope` }, sender(ALICE)),
    );
    expect(
      (link.body as { composeExtension: { attachments: unknown[] } }).composeExtension.attachments,
    ).toEqual([]);
    const outsider = await post(
      composeQuery(
        connector.url,
        { search: 'analytical' },
        sender({ aadObjectId: 'mallory-oid', name: 'M' }),
      ),
    );
    expect(
      (outsider.body as { composeExtension: { attachments: unknown[] } }).composeExtension.attachments,
    ).toEqual([]);
  });

  it('trusts only Teams, and without a bot id only a loopback serviceUrl', async () => {
    const notTeams = { ...teamsMessage(connector.url, 'leads', sender(ALICE)), channelId: 'emulator' };
    expect((await post(notTeams)).status).toBe(403);
    const elsewhere = teamsMessage('https://evil.example/', 'leads', sender(ALICE));
    expect((await post(elsewhere)).status).toBe(403);
  });

  it('removal: the bot stops posting in the team', async () => {
    must(
      await (async () => {
        await say('subscribe all', sender(ALICE));
        return { ok: true as const, value: undefined };
      })(),
    );
    expect(await app.conversations.listSubscriptions(ws)).toHaveLength(1);
    await post(botRemoved(connector.url, TEAM, sender(ALICE)));
    expect(await app.conversations.listSubscriptions(ws)).toEqual([]);
  });
});
