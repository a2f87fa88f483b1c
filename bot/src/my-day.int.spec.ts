import type { AddressInfo } from 'node:net';
import type { Activity, Actor } from '@crm/shared';
import {
  completeActivity,
  createActivity,
  createOpportunity,
  createOrganisation,
  getRecord,
  getWorkspace,
  rescheduleActivity,
  startMorningDigests,
  updateWorkspace,
  type AppDeps,
  type MorningDigests,
  type OutboxRelay,
} from '@crm/shared/application';
import { fixedClock } from '@crm/shared/testing';
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
  type TestSender,
  type TestTeam,
} from './testing/activities';
import { azuriteRelayApp } from './testing/azurite-app';
import { botClient, type CardJson } from './testing/bot-client';
import { startConnectorStandIn, type ConnectorStandIn } from './testing/connector-stand-in';
import { must } from './testing/must';

/**
 * The bot knows the day, over real HTTP (CloudAdapter, Azurite, the relay, the stand-in Bot
 * Connector) with a clock the test sets: `today` in a personal chat, Done and snooze pressed on the
 * card (the message updated in place), a stale card, a press from a channel, and the morning digest at
 * 08:00 where each person is, once, around the night summer time starts in Oslo (29 March 2026).
 */
const TENANT = '44444444-4444-4444-4444-444444444444';
const TEAM: TestTeam = { tenantId: TENANT, teamId: '19:nordic-sales@thread.tacv2', name: 'Nordic Sales' };
const ALICE = rosterPerson('alice-oid', 'Alice', TENANT);
const CAROL = rosterPerson('carol-oid', 'Carol', TENANT);
const inChannel = channelSender(TEAM);
/** Alice in her personal chat, her Teams client in Oslo. */
const alice = (extra: Partial<TestSender> = {}) =>
  inChannel(ALICE, { teamId: undefined, timeZone: 'Europe/Oslo', locale: 'en-GB', ...extra });
const actor = (p: RosterPerson): Actor => personActor(TEAM, p);

const clock = fixedClock('2026-03-27T09:00:00.000Z'); // Friday, 10:00 in Oslo
let connector: ConnectorStandIn;
let bot: BotApp;
let relay: OutboxRelay;
let digests: MorningDigests;
let app: AppDeps;
let ws: string;
let dealId: string;
let client: ReturnType<typeof botClient>;
/** Carol's own call: never on Alice's day. */
let carolsCall: string;

beforeAll(async () => {
  const wired = await azuriteRelayApp('myday');
  app = { ...wired.app, clock };
  connector = await startConnectorStandIn({ rosterPageSize: 50 });
  connector.rosters.set(TEAM.teamId, [ALICE, CAROL]);
  const logger = pino({ level: 'silent' });
  const translator = createTranslator();
  bot = createBot({ app, credentials: undefined, translator, logger, ready: async () => undefined });
  relay = startRelay({ storage: wired.storage, queue: undefined, app, bot, translator, logger });
  wired.wake(relay);
  // The timer would run a pass a minute: the test runs them itself, at the times it sets.
  digests = startMorningDigests(app, { log: logger, intervalMs: 3_600_000 });
  await new Promise<void>((resolve) => bot.server.listen(0, '127.0.0.1', resolve));
  client = botClient(`http://127.0.0.1:${(bot.server.address() as AddressInfo).port}`, connector);

  expect((await client.post(botInstalled(connector.url, TEAM, inChannel(ALICE)))).status).toBe(200);
  ws = (await app.workspaces.findByTeam(TENANT, TEAM.teamId))!.id;
  const caller = { actor: actor(ALICE) };
  const org = must(await createOrganisation(app, caller, ws, { name: 'Analytical Engines' }));
  dealId = must(
    await createOpportunity(app, caller, ws, { name: 'Engines rollout', organisationId: org.record.id }),
  ).record.id;
});

afterAll(async () => {
  await digests?.stop();
  await relay?.stop();
  await new Promise((resolve) => bot?.server.close(resolve));
  await connector?.close();
});

const text = (card: unknown) => JSON.stringify(card);
const plan = (who: RosterPerson, subject: string, dueAt: string, type: Activity['type'] = 'task') =>
  createActivity(app, { actor: actor(who) }, ws, {
    type,
    subject,
    regarding: { type: 'opportunity', id: dealId },
    occurredAt: dueAt,
    completed: false,
  }).then(must);
const activity = async (id: string) =>
  must(await getRecord(app, { actor: actor(ALICE) }, ws, 'activity', id));
/** The buttons of one activity on a day card. */
const buttons = (card: CardJson, subject: string) => {
  const container = (card.body as { type: string; items?: { text?: string; actions?: unknown }[] }[]).find(
    (e) => e.type === 'Container' && e.items?.[0]?.text === `**${subject}**`,
  );
  if (!container) throw new Error(`${subject} is not on the card: ${text(card)}`);
  return container.items![2]!.actions as { verb: string; title: string; data: Record<string, unknown> }[];
};
const press = (card: CardJson, subject: string, title: string, from = alice(), messageId = 'day-card') => {
  const button = buttons(card, subject).find((b) => b.title === title)!;
  return client.press(button.verb, button.data, from, { messageId });
};
/** Cards the bot posted on its own into one conversation. */
const proactive = (conversationId: string) =>
  connector.sent
    .filter((s) => s.conversationId === conversationId && !s.replyToId?.startsWith('activity-'))
    .map((s) => s.activity.attachments?.[0]?.content as CardJson);

describe('today in a personal chat', () => {
  it('answers with what is overdue and due today in Oslo, each with Done, Tomorrow and Next week', async () => {
    await plan(ALICE, 'Call Ada back', '2026-03-26T13:00:00.000Z', 'call');
    await plan(ALICE, 'Send the proposal', '2026-03-27T13:00:00.000Z');
    await plan(ALICE, 'Demo', '2026-03-30T08:00:00.000Z', 'meeting');
    carolsCall = (await plan(CAROL, 'Carol’s call', '2026-03-27T10:00:00.000Z', 'call')).record.id;

    const { card } = await client.say('today', alice());

    // English dates as Intl writes them (a narrow space before PM), on Oslo's clock.
    expect(text(card)).toContain('Your day: Friday, March 27');
    expect(text(card)).toContain('Overdue · 1');
    expect(text(card)).toMatch(/Call · Engines rollout · Thu, Mar 26, 2:00\sPM/);
    expect(text(card)).toContain('Today · 1');
    expect(text(card)).toMatch(/Task · Engines rollout · 2:00\sPM/);
    expect(text(card)).not.toMatch(/Demo|Carol/);
    expect(buttons(card!, 'Send the proposal').map((b) => [b.verb, b.title])).toEqual([
      ['activity.done', 'Done'],
      ['activity.snooze', 'Tomorrow'],
      ['activity.snooze', 'Next week'],
    ]);
    expect(card!.refresh).toEqual({
      action: expect.objectContaining({ verb: 'day.show', data: { ws, tz: 'Europe/Oslo' } }),
    });
    // Her morning digest will come at 08:00 there.
    expect(await app.conversations.getPersonalTimeZone(TENANT, ALICE.aadObjectId)).toBe('Europe/Oslo');
  });

  it.each([
    ['my day', 'en-GB', 'Your day'],
    ['vandaag', 'nl-NL', 'Je dag'],
    ['Mijn dag', 'nl-NL', 'Te laat · 1'],
    ['hoje', 'pt-BR', 'Seu dia'],
    ['i dag', 'nb-NO', 'Dagen din'],
    ['/today', 'en-US', 'Your day'],
  ])('“%s” (%s) is the same day, in that language', async (line, locale, expected) => {
    const { card } = await client.say(line, alice({ locale }));
    expect(text(card)).toContain(expected);
    expect(text(card)).toContain('Send the proposal');
  });

  it('in the team’s channel, says to ask in the personal chat, and shows nothing', async () => {
    const answer = await client.say('today', inChannel(ALICE));
    expect(answer.card).toBeUndefined();
    expect(answer.text).toBe('I show your day in our personal chat: write **today** to me there.');
  });
});

describe('the day card’s buttons', () => {
  it('Done marks it done, and the card is updated in place without it', async () => {
    const { card } = await client.say('today', alice());
    const id = buttons(card!, 'Send the proposal')[0]!.data.activityId as string;

    const answer = await press(card!, 'Send the proposal', 'Done');

    expect(text(answer)).toContain('✔ Done: Send the proposal');
    expect(buttons(answer, 'Call Ada back')).toHaveLength(3);
    expect(() => buttons(answer, 'Send the proposal')).toThrow();
    expect((await activity(id)).record).toMatchObject({ completed: true, completedAt: clock.now() });
    // Teams shows the invoke's answer to the presser; the message itself changes too.
    expect(connector.updated.at(-1)).toMatchObject({
      conversationId: `a:personal-${ALICE.aadObjectId}`,
      replyToId: 'day-card',
      activity: { attachments: [{ content: answer }] },
    });

    // The old card pressed again (a double click, a retry): nothing twice, and it says so.
    const again = await press(card!, 'Send the proposal', 'Done');
    expect(text(again)).toContain('Send the proposal was already done. This is your day now.');
    expect((await activity(id)).record.completedAt).toBe(clock.now());
  });

  it('a card older than a change made elsewhere changes nothing and says so', async () => {
    const { card } = await client.say('today', alice());
    const call = buttons(card!, 'Call Ada back')[0]!.data;
    // Alice moves it to this afternoon in the tab.
    must(
      await rescheduleActivity(app, { actor: actor(ALICE) }, ws, call.activityId as string, undefined, {
        dueAt: '2026-03-27T15:00:00.000Z',
      }),
    );

    const answer = await press(card!, 'Call Ada back', 'Done');

    expect(text(answer)).toContain(
      'Call Ada back was changed after this card was made, so I left it as it is. This is your day now.',
    );
    expect((await activity(call.activityId as string)).record.completed).toBe(false);
    expect(text(answer)).toContain('Today · 1');
  });

  it('Tomorrow, on the Saturday before summer time: Sunday at the same time in Oslo, an hour earlier in UTC', async () => {
    clock.set('2026-03-28T10:00:00.000Z');
    const demo = await plan(ALICE, 'Prepare the demo', '2026-03-28T13:00:00.000Z'); // 14:00 in Oslo
    const { card } = await client.say('today', alice());

    const answer = await press(card!, 'Prepare the demo', 'Tomorrow');

    expect((await activity(demo.record.id)).record.occurredAt).toBe('2026-03-29T12:00:00.000Z');
    expect(text(answer)).toMatch(/Moved to Sun, Mar 29, 2:00\sPM: Prepare the demo/);
    expect(() => buttons(answer, 'Prepare the demo')).toThrow();
  });

  it('Next week: the Monday after, at the same time', async () => {
    const { card } = await client.say('today', alice());
    const id = buttons(card!, 'Call Ada back')[0]!.data.activityId as string;
    await press(card!, 'Call Ada back', 'Next week');
    // Friday 16:00 in Oslo (15:00 UTC) → Monday 30 March 16:00, summer time (14:00 UTC).
    expect((await activity(id)).record.occurredAt).toBe('2026-03-30T14:00:00.000Z');
  });

  it('pressed from a channel (a forwarded card), it does nothing there', async () => {
    clock.set('2026-03-28T10:00:00.000Z');
    const task = await plan(ALICE, 'Forwarded', '2026-03-28T09:00:00.000Z');
    const answer = await client.press(
      'activity.done',
      { ws, activityId: task.record.id, version: task.version, tz: 'Europe/Oslo' },
      inChannel(ALICE),
    );
    expect(text(answer)).toContain('I show your day in our personal chat');
    expect((await activity(task.record.id)).record.completed).toBe(false);
  });
});

describe('the morning digest', () => {
  const aliceChat = `a:personal-${ALICE.aadObjectId}`;

  it('comes at 08:00 in Oslo on the Monday after summer time starts (06:00 UTC), once, with its buttons', async () => {
    const view = must(await getWorkspace(app, actor(ALICE), ws));
    must(
      await updateWorkspace(app, actor(ALICE), ws, view.version, {
        morningDigest: { enabled: true, timeZone: 'America/Sao_Paulo' },
      }),
    );
    const before = proactive(aliceChat).length;

    clock.set('2026-03-30T05:59:00.000Z');
    expect((await digests.runOnce()).outcomes).toEqual({});
    clock.set('2026-03-30T06:00:00.000Z');
    expect((await digests.runOnce()).outcomes).toEqual({ queued: 1 });

    await until(() => proactive(aliceChat).length === before + 1, 'Alice’s digest');
    const digest = proactive(aliceChat).at(-1)!;
    expect(text(digest)).toContain('Good morning! Your day: Monday, March 30');
    expect(text(digest)).toContain('Forwarded');
    expect(text(digest)).toContain('Demo');

    // Another bot instance, or this one restarted: the day's digest is done.
    const other = startMorningDigests(app, { log: pino({ level: 'silent' }), intervalMs: 3_600_000 });
    expect((await other.runOnce()).outcomes).toEqual({ 'done-before': 1 });
    await other.stop();
    await until(async () => (await app.outbox.pending(ws, 10)).length === 0, 'the relay to finish');
    expect(proactive(aliceChat)).toHaveLength(before + 1);

    // Its buttons are the day card's.
    const answer = await press(digest, 'Demo', 'Done', alice(), 'digest-card');
    expect(text(answer)).toContain('✔ Done: Demo');
  });

  it('nothing is sent to Carol when nothing is due for her; the next working day something is, and a chat is started', async () => {
    // Her call is done: nothing is due for her on Monday.
    must(await completeActivity(app, { actor: actor(CAROL) }, ws, carolsCall, undefined, {}));
    clock.set('2026-03-30T11:00:00.000Z'); // 08:00 in São Paulo, the workspace's zone: Carol never wrote
    expect((await digests.runOnce()).outcomes).toEqual({ 'nothing-due': 1 });
    expect(connector.createdConversations).toEqual([]);

    clock.set('2026-03-31T11:00:00.000Z');
    await plan(CAROL, 'Call Babbage', '2026-03-31T14:00:00.000Z', 'call');
    expect((await digests.runOnce()).outcomes).toEqual({ queued: 1 });
    const chat = `a:started-${CAROL.id}`;
    await until(() => proactive(chat).length === 1, 'Carol’s digest in the chat the bot started');
    expect(text(proactive(chat)[0])).toContain('Call Babbage');
    expect(text(proactive(chat)[0])).toContain('Good morning! Your day: Tuesday, March 31');
  });
});
