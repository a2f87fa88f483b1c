import { fixedClock } from '@crm/shared/testing';
import { ALICE, startTestServer, testStorage, type TestServer } from '../../tab/server/testing/test-server';
import type { BotApp } from './bot-app';
import { listeningBot, type botClient, type CardJson } from './testing/bot-client';
import { startConnectorStandIn, type ConnectorStandIn } from './testing/connector-stand-in';

/**
 * The day's work from end to end, over both faces' real HTTP on one Azurite, with one clock: the tab's
 * API logs a call (done) and plans the next step, My day (API) lists it, Alice marks it done from the
 * bot's card in her personal chat (an Action.Execute invoke POSTed to /api/messages), and the API
 * shows it done: off My day, and the deal's next step gone with it.
 */
const clock = fixedClock('2026-03-27T09:00:00.000Z'); // Friday, 10:00 in Oslo
let api: TestServer;
let connector: ConnectorStandIn;
let bot: BotApp;
let chat: ReturnType<typeof botClient>;

beforeAll(async () => {
  const deps = { ...(await testStorage('journey')), clock };
  api = await startTestServer({ app: deps });
  connector = await startConnectorStandIn();
  ({ bot, client: chat } = await listeningBot({ app: deps, connector }));
});

afterAll(async () => {
  await new Promise((resolve) => bot?.server.close(resolve));
  await connector?.close();
});

it('log a call (done) → plan the next step → My day → Done on the bot’s card → the API shows it done', async () => {
  const alice = await api.as(ALICE);
  const ws = (await alice.post('/api/v1/workspaces', { name: 'Nordic Sales' })).body.id as string;
  const base = `/api/v1/workspaces/${ws}`;
  const org = (await alice.post(`${base}/organisations`, { name: 'Fjordlys Logistikk AS' })).body;
  const deal = (await alice.post(`${base}/opportunities`, { name: 'Fjordlys fleet', organisationId: org.id }))
    .body;
  const regarding = { type: 'opportunity', id: deal.id };

  // The call is logged as it happens: done.
  const call = await alice.post(`${base}/activities`, { type: 'call', subject: 'Intro call', regarding });
  expect(call.status).toBe(201);
  expect(call.body).toMatchObject({ completed: true, completedAt: clock.now() });

  // The next step, this afternoon (15:00 in Oslo).
  const next = await alice.post(`${base}/activities`, {
    type: 'task',
    subject: 'Send the offer',
    regarding,
    occurredAt: '2026-03-27T14:00:00.000Z',
    completed: false,
  });
  expect(next.status).toBe(201);
  const dealNow = (await alice.get(`${base}/opportunities/${deal.id}`)).body;
  expect(dealNow).toMatchObject({ nextActivity: { id: next.body.id }, lastActivityAt: clock.now() });

  const day = await alice.get(`${base}/my-day?tz=Europe/Oslo`);
  expect(day.status).toBe(200);
  expect(day.body.today.items.map((a: { id: string }) => a.id)).toEqual([next.body.id]);

  // Alice asks the bot in her personal chat, and presses Done.
  const me = { tenantId: ALICE.tenantId, aadObjectId: ALICE.userId, name: 'Alice', timeZone: 'Europe/Oslo' };
  const { card } = await chat.say('today', me);
  const item = (card!.body as { type: string; items?: { text?: string; actions?: unknown }[] }[]).find(
    (e) => e.type === 'Container' && e.items?.[0]?.text === '**Send the offer**',
  );
  const done = (item!.items![2]!.actions as CardJson['actions'])!.find((a) => a.verb === 'activity.done')!;
  const answer = await chat.press(done.verb, done.data, me, { messageId: 'alice-day' });
  expect(JSON.stringify(answer)).toContain('✔ Done: Send the offer');

  const shown = await alice.get(`${base}/activities/${next.body.id}`);
  expect(shown.body).toMatchObject({ completed: true, completedAt: clock.now() });
  expect((await alice.get(`${base}/my-day?tz=Europe/Oslo`)).body.today.items).toEqual([]);
  expect((await alice.get(`${base}/opportunities/${deal.id}`)).body.nextActivity).toBeUndefined();
});
