import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Actor } from '@crm/shared';
import {
  createLead,
  createOpportunity,
  createOrganisation,
  listRecords,
  reassignRecords,
  updateOpportunity,
  type AppDeps,
  type OutboxRelay,
} from '@crm/shared/application';
import { until } from '@crm/shared/testing/relay';
import pino from 'pino';
import { createBot, type BotApp } from './bot-app';
import { createTranslator } from './messages/translator';
import { startRelay } from './notifications/start-relay';
import {
  botInstalled,
  channelSender,
  personActor,
  rosterPerson,
  type RosterPerson,
  type TestTeam,
} from './testing/activities';
import { azuriteRelayApp } from './testing/azurite-app';
import { botClient } from './testing/bot-client';
import { startConnectorStandIn, type ConnectorStandIn } from './testing/connector-stand-in';
import { must } from './testing/must';
import { ADA_LEAD } from './testing/seed';

/**
 * The bot process as it runs (HTTP, CloudAdapter, Azurite, commits waking the outbox relay) against
 * the stand-in Bot Connector: live cards refresh for every member of the channel in their own
 * language; install → conversion → stage change → won reach the channel through the relay; a deal
 * owner who never chatted with the bot gets a 1:1 chat started for their notice. The cards posted
 * for a conversion, a stage change and a win are written to bot/test-artifacts/.
 */
const TENANT = '33333333-3333-3333-3333-333333333333';
const TEAM: TestTeam = { tenantId: TENANT, teamId: '19:benelux-sales@thread.tacv2', name: 'Benelux Sales' };
const ALICE = rosterPerson('alice-oid', 'Alice', TENANT);
const CAROL = rosterPerson('carol-oid', 'Carol', TENANT);
const DAN = rosterPerson('dan-oid', 'Dan', TENANT);
/** In the tenant, but not on the team's roster: no member of the workspace. */
const EVE = rosterPerson('eve-oid', 'Eve', TENANT);
const sender = channelSender(TEAM);
const actor = (p: RosterPerson): Actor => personActor(TEAM, p);
const ROSTER_IDS = [ALICE.id, CAROL.id, DAN.id];

let connector: ConnectorStandIn;
let bot: BotApp;
let relay: OutboxRelay;
let app: AppDeps;
let ws: string;
let client: ReturnType<typeof botClient>;
const logs: { msg?: string; target?: string; status?: number }[] = [];

beforeAll(async () => {
  const wired = await azuriteRelayApp('relayflow');
  app = wired.app;
  connector = await startConnectorStandIn({ rosterPageSize: 50 });
  connector.rosters.set(TEAM.teamId, [ALICE, CAROL, DAN]);
  // Dan never installed the app for himself and is in no chat with the bot: Teams refuses.
  connector.refuseChat(DAN.id, 403);
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) },
  );
  const translator = createTranslator();
  bot = createBot({ app, credentials: undefined, translator, logger, ready: async () => undefined });
  relay = startRelay({ storage: wired.storage, queue: undefined, app, bot, translator, logger });
  wired.wake(relay);
  await new Promise<void>((resolve) => bot.server.listen(0, '127.0.0.1', resolve));
  client = botClient(`http://127.0.0.1:${(bot.server.address() as AddressInfo).port}`, connector);
});

afterAll(async () => {
  await relay?.stop();
  await new Promise((resolve) => bot?.server.close(resolve));
  await connector?.close();
});

/** Cards the bot posted on its own (not replies to the test's activities) into one conversation. */
const proactive = (conversationId: string) =>
  connector.sent
    .filter((s) => s.conversationId === conversationId && !s.replyToId?.startsWith('activity-'))
    .map((s) => s.activity.attachments?.[0]?.content);
const text = (card: unknown) => JSON.stringify(card);
const records = (kind: 'lead' | 'opportunity') =>
  listRecords(app, { actor: actor(ALICE) }, ws, kind, { limit: 50 }).then(must);
/** The card JSON exactly as posted, for bot/README.md and the closing note. */
const posted: Record<string, unknown> = {};

describe('live cards and notifications, with the relay running', () => {
  it('install: the roster is kept with each person’s Teams user id', async () => {
    expect(
      (await client.post(botInstalled(connector.url, TEAM, sender(ALICE, { locale: 'en-US' })))).status,
    ).toBe(200);
    ws = (await app.workspaces.findByTeam(TENANT, TEAM.teamId))!.id;
    expect((await app.teams.listRoster(TENANT, TEAM.teamId)).map((e) => e.teamsUserId).sort()).toEqual(
      [...ROSTER_IDS].sort(),
    );
  });

  it('a lead card in the channel refreshes itself for every member, each in their language, with their actions', async () => {
    must(await createLead(app, { actor: actor(ALICE) }, ws, ADA_LEAD));
    const { card } = await client.say('lead ada@engines.example', sender(ALICE));
    // Teams refreshes by itself only for the people listed: the asker first, then the roster's members.
    expect(card!.refresh!.userIds).toEqual([ALICE.id, CAROL.id, DAN.id]);
    expect(card!.refresh!.action.verb).toBe('lead.show');

    // Carol's client (Norwegian) asks for her own rendering.
    const carols = await client.press(
      'lead.show',
      card!.refresh!.action.data,
      sender(CAROL, { locale: 'nb-NO' }),
      { trigger: 'automatic' },
    );
    expect(text(carols)).toContain('Åpen – Ikke kontaktet');
    expect(carols.actions!.map((a) => [a.verb, a.title])).toEqual([
      ['lead.qualify', 'Kvalifiser'],
      ['lead.disqualify', 'Diskvalifiser'],
    ]);
    expect(carols.refresh!.userIds).toEqual([CAROL.id, ALICE.id, DAN.id]);

    // Eve is no member: a read-only card, nothing of the lead, refreshed by hand only.
    for (const trigger of ['automatic', 'manual'] as const) {
      const verb = trigger === 'automatic' ? 'lead.show' : 'lead.disqualify';
      const eves = await client.press(verb, card!.refresh!.action.data, sender(EVE, { locale: 'nl-NL' }), {
        trigger,
        messageId: 'lead-card',
      });
      expect(text(eves)).toContain('Alleen leden van de CRM-werkruimte van dit team kunnen deze kaart zien.');
      expect(text(eves)).not.toMatch(/Lovelace|Analytical|ada@/);
      expect(eves.actions).toBeUndefined();
      expect(eves.refresh).toMatchObject({ action: { verb: 'lead.show' }, userIds: [] });
    }
    expect((await records('lead')).items[0]?.record).toMatchObject({ status: 'open-not-contacted' });
    // Nothing changed, so the message everyone sees stays as it was.
    expect(connector.updated).toEqual([]);

    // In a personal chat nobody is listed: Teams refreshes a 1:1 card for its one viewer.
    const personal = await client.say('lead ada@engines.example', sender(CAROL, { teamId: undefined }));
    expect(personal.card!.refresh).toEqual({ action: expect.objectContaining({ verb: 'lead.show' }) });
  });

  it('the qualify card keeps one key in everyone’s rendering, so whoever presses Convert converts once', async () => {
    const { card } = await client.say('qualify ada@engines.example', sender(ALICE));
    const idempotencyKey = card!.actions!.find((a) => a.verb === 'lead.convert')!.data.idempotencyKey;
    expect(idempotencyKey).toEqual(expect.any(String));
    expect(card!.refresh).toMatchObject({
      action: { verb: 'lead.qualify', data: { idempotencyKey } },
      userIds: ROSTER_IDS,
    });
    const carols = await client.press(
      'lead.qualify',
      card!.refresh!.action.data,
      sender(CAROL, { locale: 'nl-NL' }),
      { trigger: 'automatic' },
    );
    const convert = carols.actions!.find((a) => a.verb === 'lead.convert')!;
    expect(convert).toMatchObject({ title: 'Omzetten', data: { idempotencyKey } });

    const inputs = {
      budget: 'true',
      timeline: 'true',
      amount: '12000',
      currency: 'EUR',
      closeDate: '2026-12-31',
    };
    const alices = await client.press(
      'lead.convert',
      { ...card!.actions![0]!.data, ...inputs },
      sender(ALICE),
    );
    expect(text(alices)).toContain('Ada Lovelace is converted.');
    // Carol presses her rendering's Convert after: the lead is converted already, nothing twice.
    const late = await client.press(
      'lead.convert',
      { ...convert.data, ...inputs },
      sender(CAROL, { locale: 'nl-NL' }),
    );
    expect(late.actions ?? []).toEqual([]);
    expect((await records('opportunity')).items).toHaveLength(1);
  });

  it('conversion: the relay posts it to the channel', async () => {
    await until(
      () => proactive(TEAM.teamId).some((c) => text(c).includes('converted Ada Lovelace')),
      'the conversion card',
    );
    posted.conversion = proactive(TEAM.teamId).find((c) => text(c).includes('converted Ada Lovelace'));
    expect(text(posted.conversion)).toContain('Analytical Engines');
    expect(text(posted.conversion)).toContain('€12,000.00');
  });

  it('stage change by Dan: the channel hears, and the owner, who never chatted with the bot, gets a chat started', async () => {
    const owner = ALICE;
    expect((await records('opportunity')).items[0]!.record.ownerId).toBe(owner.aadObjectId);
    expect(await app.conversations.getPersonalChat(TENANT, owner.aadObjectId)).toBeUndefined();
    const moved = await client.say('move analytical proposal', sender(DAN));
    expect(moved.card!.refresh).toMatchObject({
      action: { verb: 'deal.show' },
      userIds: [DAN.id, ALICE.id, CAROL.id],
    });

    const chat = `a:started-${owner.id}`;
    await until(() => proactive(chat).length === 1, 'the owner’s personal notice');
    expect(connector.createdConversations).toEqual([
      {
        body: {
          isGroup: false,
          bot: { id: '28:pipeline-crm-bot', name: 'Pipeline CRM' },
          members: [{ id: owner.id, aadObjectId: owner.aadObjectId, name: '' }],
          tenantId: TENANT,
          channelData: { tenant: { id: TENANT } },
        },
        status: 201,
        conversationId: chat,
      },
    ]);
    posted.ownerNotice = proactive(chat)[0];
    expect(text(posted.ownerNotice)).toContain('Dan moved');
    await until(
      () => proactive(TEAM.teamId).some((c) => text(c).includes('Dan moved')),
      'the channel’s card',
    );
    posted.stageChange = proactive(TEAM.teamId).find((c) => text(c).includes('Dan moved'));
    expect(text(posted.stageChange)).toMatch(/Prospecting.*→.*Proposal/);

    // The chat is kept: the next move goes straight there.
    expect(await app.conversations.getPersonalChat(TENANT, owner.aadObjectId)).toMatchObject({
      conversation: { id: chat },
    });
    await client.say('move analytical negotiation', sender(DAN));
    await until(() => proactive(chat).length === 2, 'the second notice');
    expect(connector.createdConversations).toHaveLength(1);
  });

  it('won: the deal card changes for everyone in the channel, and one celebratory card follows', async () => {
    const deal = (await client.say('move analytical negotiation', sender(ALICE))).card!;
    const move = deal.actions!.find((a) => a.verb === 'deal.move')!;
    const answer = await client.press('deal.move', { ...move.data, stage: 'closed-won' }, sender(ALICE), {
      messageId: 'deal-card',
    });
    // Teams shows the invoke's answer to Alice only: the message itself is updated for everyone,
    // which also has every listed viewer's client refresh it to their own rendering.
    expect(connector.updated).toEqual([
      {
        conversationId: TEAM.teamId,
        replyToId: 'deal-card',
        activity: expect.objectContaining({
          type: 'message',
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer }],
        }),
      },
    ]);
    expect(answer.refresh).toMatchObject({ action: { verb: 'deal.show' }, userIds: ROSTER_IDS });
    await until(() => proactive(TEAM.teamId).some((c) => text(c).includes('Deal won')), 'the won card');
    posted.won = proactive(TEAM.teamId).find((c) => text(c).includes('Deal won'));
    expect(text(posted.won)).toContain('€12,000.00');

    const dir = join(__dirname, '..', 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notification-cards.json'), `${JSON.stringify(posted, null, 2)}\n`);
  });

  it('an owner Teams will not open a chat with (403: app not installed for them) is told nothing, once, and it is logged', async () => {
    const caller = { actor: actor(DAN) };
    const org = must(await createOrganisation(app, caller, ws, { name: 'Difference Engines' }));
    must(
      await createOpportunity(app, caller, ws, { name: 'Difference rollout', organisationId: org.record.id }),
    );
    await client.say('move difference proposal', sender(CAROL));
    await until(
      () => proactive(TEAM.teamId).some((c) => text(c).includes('Difference rollout')),
      'the channel card',
    );
    await until(async () => (await app.outbox.pending(ws, 50)).length === 0, 'the event to be done');
    const toDan = connector.createdConversations.filter((c) => c.body.members?.[0]?.id === DAN.id);
    expect(toDan.map((c) => c.status)).toEqual([403]);
    expect(proactive(`a:started-${DAN.id}`)).toEqual([]);
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'personal chat cannot be started: not sent',
        target: `personal:${DAN.aadObjectId}`,
        status: 403,
      }),
    );
    expect(relay.metrics()).toMatchObject({ gone: 1 });
  });

  it('owner change: the deal page or a bulk reassign gives Carol a deal, and Carol hears it in her personal chat with the bot; the channel does not', async () => {
    const caller = { actor: actor(ALICE) };
    const org = must(await createOrganisation(app, caller, ws, { name: 'Babbage Works' }));
    const deal = (name: string) =>
      createOpportunity(app, caller, ws, { name, organisationId: org.record.id, amount: 3000 }).then(must);
    const [one, two] = [await deal('Babbage rollout'), await deal('Babbage support')];
    // Carol wrote to the bot in private earlier: her notices go to that chat.
    const chat = `a:personal-${CAROL.aadObjectId}`;
    expect(await app.conversations.getPersonalChat(TENANT, CAROL.aadObjectId)).toMatchObject({
      conversation: { id: chat },
    });

    // The deal page's owner field: an update of the deal.
    must(
      await updateOpportunity(app, caller, ws, one.record.id, one.version, { ownerId: CAROL.aadObjectId }),
    );
    await until(() => proactive(chat).length === 1, 'Carol’s notice');
    expect(text(proactive(chat)[0])).toContain('Alice made you the owner of Babbage rollout.');

    // Bulk reassign (the lists' "Reassign"): the same.
    must(
      await reassignRecords(app, caller, ws, 'opportunity', {
        ownerId: CAROL.aadObjectId,
        items: [{ id: two.record.id, version: two.version }],
      }),
    );
    await until(() => proactive(chat).length === 2, 'Carol’s second notice');
    expect(text(proactive(chat)[1])).toContain('Alice made you the owner of Babbage support.');
    // Into the chat she has: none started.
    expect(connector.createdConversations.filter((c) => c.body.members?.[0]?.id === CAROL.id)).toEqual([]);
    await until(async () => (await app.outbox.pending(ws, 50)).length === 0, 'the events to be done');
    expect(proactive(TEAM.teamId).filter((c) => text(c).includes('made you the owner'))).toEqual([]);
  });
});
