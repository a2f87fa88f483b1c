import { createOpportunity, createOrganisation } from '@crm/shared/application';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { createBot, type BotApp } from '../../../bot/src/bot-app';
import { createTranslator } from '../../../bot/src/messages/translator';
import { botClient, type CardJson } from '../../../bot/src/testing/bot-client';
import { startConnectorStandIn, type ConnectorStandIn } from '../../../bot/src/testing/connector-stand-in';
import { devSignIn, screenshot, startE2e, type E2e } from '../../server/testing/e2e-harness';

/**
 * Issue 18's day, end to end across both faces on one Azurite: in the tab (real bundle, Chromium)
 * a call on a deal is logged done and the next step planned for today; My day lists it; the bot
 * (botbuilder's CloudAdapter over real HTTP, the local Bot Connector stand-in) answers `today` in the
 * personal chat with a card whose Done (an Action.Execute invoke) marks it done; the tab, reloaded,
 * shows it done: off My day, done on the deal's timeline.
 */
const ZONE = 'Europe/Oslo';
const DORA = { tenantId: 'aaaaaaaa-0000-4000-8000-0000000000d2', userId: 'dora-bot', name: 'Dora Day' };

let e2e: E2e;
let connector: ConnectorStandIn;
let bot: BotApp;
let chat: ReturnType<typeof botClient>;

beforeAll(async () => {
  e2e = await startE2e();
  connector = await startConnectorStandIn();
  // The bot on the tab server's own storage: what one face writes, the other reads.
  bot = createBot({
    app: e2e.deps,
    credentials: undefined,
    translator: createTranslator(),
    logger: pino({ level: 'silent' }),
    ready: async () => undefined,
  });
  await new Promise<void>((resolve) => bot.server.listen(0, '127.0.0.1', resolve));
  chat = botClient(`http://127.0.0.1:${(bot.server.address() as { port: number }).port}`, connector);
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => bot?.server.close(resolve));
  await connector?.close();
  await e2e?.close();
});

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
/** Today's date where Dora is (`YYYY-MM-DD`). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());

/** The Done button of one activity on a day card. */
function doneButton(card: CardJson, subject: string) {
  const item = (card.body as { type: string; items?: { text?: string; actions?: unknown }[] }[]).find(
    (e) => e.type === 'Container' && e.items?.[0]?.text === `**${subject}**`,
  );
  if (!item) throw new Error(`${subject} is not on the card: ${JSON.stringify(card)}`);
  return (item.items![2]!.actions as NonNullable<CardJson['actions']>).find(
    (a) => a.verb === 'activity.done',
  )!;
}

it('log a call (done) on a deal → plan a task for today → My day → Done on the bot’s card → the tab shows it done', async () => {
  const { page, problems } = await e2e.newPage({ viewport: { width: 1366, height: 900 }, timezoneId: ZONE });
  await page.goto(e2e.base + '/tab');
  await devSignIn(page, DORA);
  await page.getByRole('textbox', { name: 'New workspace name' }).fill('Fjordlys sales');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  const ws = /#\/w\/([^/]+)/.exec(page.url())?.[1];
  if (!ws) throw new Error(`no workspace in ${page.url()}`);

  // The deal, as Dora would have made it (the deal form is another spec's subject).
  const caller = { actor: DORA };
  const org = await createOrganisation(e2e.deps, caller, ws, { name: 'Fjordlys Logistikk AS' });
  if (!org.ok) throw new Error(org.error.code);
  const deal = await createOpportunity(e2e.deps, caller, ws, {
    name: 'Fjordlys fleet',
    organisationId: org.value.record.id,
  });
  if (!deal.ok) throw new Error(deal.error.code);

  await views(page).getByRole('link', { name: 'Opportunities' }).click();
  await page.getByRole('link', { name: 'Fjordlys fleet' }).click();
  await page.getByRole('heading', { name: 'Fjordlys fleet', level: 2 }).waitFor();

  // Log the call as it happened: Done is ticked.
  await page.getByRole('button', { name: 'New activity' }).click();
  const log = page.getByRole('dialog', { name: 'New activity' });
  expect(await log.getByRole('checkbox', { name: 'Done' }).isChecked()).toBe(true);
  await log.getByRole('textbox', { name: /^Subject/ }).fill('Intro call with Ingrid');
  await log.getByRole('button', { name: 'Create' }).click();
  await log.waitFor({ state: 'hidden' });

  // Plan the next step from the offer: a task, due before today ends where Dora is.
  await page.getByRole('button', { name: 'Plan next activity' }).click();
  const plan = page.getByRole('dialog', { name: 'Plan the next activity for Fjordlys fleet' });
  await plan.getByRole('combobox', { name: /^Type/ }).selectOption('task');
  await plan.getByRole('textbox', { name: /^Subject/ }).fill('Send Ingrid the offer');
  await plan.getByLabel(/^Due/).fill(`${today()}T23:59`);
  await plan.getByRole('button', { name: 'Create' }).click();
  await plan.waitFor({ state: 'hidden' });

  // On My day, under Today.
  await views(page).getByRole('link', { name: 'My day' }).click();
  const todaySection = page.getByRole('region', { name: /^Today/ });
  await todaySection.getByRole('checkbox', { name: 'Send Ingrid the offer' }).waitFor();

  // Dora asks the bot in her personal chat and presses Done on the card.
  const me = { tenantId: DORA.tenantId, aadObjectId: DORA.userId, name: DORA.name, timeZone: ZONE };
  const { card } = await chat.say('today', me);
  if (!card) throw new Error('the bot answered without a card');
  const done = doneButton(card, 'Send Ingrid the offer');
  const answer = await chat.press(done.verb, done.data, me, { messageId: 'dora-day' });
  expect(JSON.stringify(answer)).toContain('✔ Done: Send Ingrid the offer');

  // The tab, reloaded, reads it done: gone from My day, done on the deal's timeline.
  await page.reload();
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  await page.getByText('Nothing planned for today.').waitFor();
  expect(await page.getByRole('checkbox', { name: 'Send Ingrid the offer' }).count()).toBe(0);
  await screenshot(page, 'day-with-bot-my-day');
  await views(page).getByRole('link', { name: 'Opportunities' }).click();
  await page.getByRole('link', { name: 'Fjordlys fleet' }).click();
  await page
    .getByRole('list', { name: 'Activities' })
    .getByRole('listitem')
    .filter({ hasText: 'Send Ingrid the offer' })
    .filter({ hasText: 'Done ·' })
    .waitFor();
  expect(problems).toEqual([]);
}, 180_000);
