import type { Actor } from '@crm/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { writeBundle } from '../../server/bundle/browser-bundle';
import { seriousAxeFindings } from '../../server/testing/axe';
import {
  launchChromium,
  screenshotPath,
  signInAndOpen,
  startBrowserServer,
  type BrowserServer,
} from '../../server/testing/browser';
import { testStorage } from '../../server/testing/test-server';

/**
 * Opportunities, the board and the dashboard in real Chromium over the real server and Azurite:
 * deals made through the API, moved on the board by mouse and by keyboard, a lost reason asked, a
 * conflict (412) shown, the history opened, and the result read back on the dashboard. Every view is
 * scanned with axe-core and photographed in light and dark (git-ignored `.data/screenshots/`).
 */
const ERIN: Actor = { tenantId: 'aaaaaaaa-0000-4000-8000-0000000000e3', userId: 'erin', name: 'Erin Board' };

let browser: Browser;
let server: BrowserServer;
let ws: string;
const deals: Record<string, { id: string; etag: string }> = {};

beforeAll(async () => {
  const [deps] = await Promise.all([testStorage(), writeBundle()]);
  server = await startBrowserServer(deps);
  browser = await launchChromium();
  const workspace = await server.api(ERIN, 'POST', '/workspaces', { name: 'Board NL' });
  ws = workspace.body.id;
  const org = await server.api(ERIN, 'POST', `/workspaces/${ws}/organisations`, {
    name: 'Jansen Transport BV',
  });
  const make = async (name: string, amount: number, currency: string, stage: string) => {
    const res = await server.api(ERIN, 'POST', `/workspaces/${ws}/opportunities`, {
      name,
      organisationId: org.body.id,
      amount,
      currency,
      stage,
      closeDate: new Date().toISOString().slice(0, 10),
    });
    expect(res.status).toBe(201);
    deals[name] = { id: res.body.id, etag: res.etag! };
  };
  await make('Trucks', 25_000, 'EUR', 'proposal');
  await make('Vans', 90_000, 'NOK', 'qualification');
  await make('Trailers', 4_000, 'EUR', 'prospecting');
  await make('Forklifts', 1_000, 'EUR', 'prospecting');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const column = (page: Page, stage: string) => page.locator(`section[data-stage="${stage}"]`);
const card = (page: Page, name: string) => page.locator('li[data-deal-id]').filter({ hasText: name });

/**
 * A mouse drag as a hand makes it: press on the card's name, move a little until the board lifts the
 * card (its copy follows the pointer), move over the column in steps, release.
 */
async function drag(page: Page, name: string, to: Locator) {
  const from = card(page, name);
  await from.scrollIntoViewIfNeeded();
  const start = await from.getByText(name, { exact: true }).boundingBox();
  if (!start) throw new Error('not on screen');
  const [x, y] = [start.x + start.width / 2, start.y + start.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 12, { steps: 4 });
  await page.getByText(name, { exact: true }).nth(1).waitFor();
  // The board may be wider than the page beside the navigation, and it scrolls itself while a card
  // is carried near its edge: aim at where the column is now until the board says it is the target.
  await to.evaluate((column) => column.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  const target = to.locator('xpath=self::*[@data-drop-target]');
  // On a busy machine the board may take a while to see the pointer: aim again (a fresh move makes it
  // look again) until it says so, waiting for that condition rather than counting on a fast frame.
  for (let aim = 0; aim < 60 && !(await target.count()); aim++) {
    const end = await to.boundingBox();
    if (!end) throw new Error('not on screen');
    await page.mouse.move(end.x + end.width / 2, end.y + 50 + (aim % 2), { steps: 4 });
    await target.waitFor({ timeout: 1_000 }).catch(() => undefined);
  }
  await target.waitFor();
  await page.mouse.up();
}

/** Follows the view's link in the navigation; the view (loaded lazily) is there once its heading is. */
async function openView(page: Page, view: string, heading: string) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view }).click();
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
}

async function expectAccessible(page: Page, view: string) {
  expect({ view, findings: await seriousAxeFindings(page) }).toEqual({ view, findings: [] });
}

it('moves deals on the board by mouse and keyboard and shows the result on the dashboard', async () => {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const scripts: string[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.push(new URL(res.url()).pathname);
  });
  await page.goto(server.base + '/tab');
  await signInAndOpen(page, ERIN, 'Board NL');
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  // The first screen did not fetch the board's or the charts' code.
  expect(scripts.filter((s) => /PipelineBoard|DashboardView/.test(s))).toEqual([]);

  await openView(page, 'Pipeline', 'Pipeline');
  const won = column(page, 'closed-won');
  await card(page, 'Trucks').waitFor();
  // Totals per currency, never added across currencies.
  await column(page, 'qualification').getByText('NOK', { exact: false }).first().waitFor();
  await expectAccessible(page, 'pipeline');
  await page.screenshot({ path: screenshotPath('pipeline-light.png'), fullPage: true });

  // Mouse: drag Trucks onto Closed – Won.
  await drag(page, 'Trucks', won);
  await page.getByRole('status').getByText('Trucks moved to Closed – Won.').waitFor();
  await won.locator('li[data-deal-id]').filter({ hasText: 'Trucks' }).waitFor();

  // Keyboard: open Vans' "Move to…" menu, walk to Negotiation, choose it.
  await page.getByRole('button', { name: 'Move to… (Vans)' }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await menu.waitFor();
  for (let i = 0; i < 10; i++) {
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Negotiation') break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.getByRole('status').getByText('Vans moved to Negotiation.').waitFor();
  await column(page, 'negotiation').locator('li[data-deal-id]').filter({ hasText: 'Vans' }).waitFor();

  // Closed – Lost asks why first.
  await page.getByRole('button', { name: 'Move to… (Forklifts)' }).click();
  await page.getByRole('menuitem', { name: 'Closed – Lost' }).click();
  const lost = page.getByRole('dialog', { name: 'Why was Forklifts lost?' });
  await lost.getByRole('button', { name: 'Mark as lost' }).click();
  await lost.getByText('This field is required.').waitFor();
  await lost.getByRole('textbox', { name: /^Lost reason/ }).fill('Chose a competitor');
  await lost.getByRole('button', { name: 'Mark as lost' }).click();
  // The dialog closes with an animation; until it is gone its backdrop takes the pointer.
  await lost.waitFor({ state: 'detached' });
  await column(page, 'closed-lost').locator('li[data-deal-id]').filter({ hasText: 'Forklifts' }).waitFor();

  // Someone else changes Trailers meanwhile: the move is refused, the card stays and shows their change.
  const trailers = deals.Trailers!;
  const changed = await server.api(
    ERIN,
    'PATCH',
    `/workspaces/${ws}/opportunities/${trailers.id}`,
    { amount: 4_500 },
    trailers.etag,
  );
  expect(changed.status).toBe(200);
  await drag(page, 'Trailers', column(page, 'proposal'));
  await page
    .getByRole('status')
    .getByText('Someone else changed Trailers meanwhile', { exact: false })
    .waitFor();
  await column(page, 'prospecting').locator('li[data-deal-id]').filter({ hasText: '€4,500.00' }).waitFor();

  // The history is one click away.
  await page.getByRole('button', { name: 'Stage history of Trucks' }).click();
  const history = page.getByRole('dialog', { name: 'Stage history of Trucks' });
  await history.getByRole('cell', { name: 'Proposal → Closed – Won' }).waitFor();
  await history.getByRole('button', { name: 'Close' }).click();
  await history.waitFor({ state: 'hidden' });

  // The table lists every deal and filters by stage.
  await openView(page, 'Opportunities', 'Opportunities');
  const table = page.getByRole('table', { name: 'Opportunities' });
  await table.getByRole('row').filter({ hasText: 'Trailers' }).waitFor();
  await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Closed – Won' });
  await table.getByRole('row').filter({ hasText: 'Vans' }).waitFor({ state: 'detached' });
  await table.getByRole('row').filter({ hasText: 'Trucks' }).waitFor();
  await expectAccessible(page, 'opportunities');
  await page.screenshot({ path: screenshotPath('opportunities-light.png'), fullPage: true });

  // The dashboard: one won, one lost this month; the charts' numbers are there for screen readers.
  await openView(page, 'Dashboard', 'Dashboard');
  const winRate = page.getByRole('group', { name: 'Win rate · This month' });
  await winRate.getByText('50%').waitFor();
  await winRate.getByText('1 won · 1 lost').waitFor();
  const pipelineNumbers = page.getByRole('table', { name: 'Pipeline by stage: the numbers' });
  const nok = pipelineNumbers.getByRole('row').filter({ hasText: 'NOK' }).getByRole('cell');
  expect((await nok.allTextContents()).map((text) => text.replace(/\s/g, ' '))).toEqual([
    'Negotiation',
    'NOK',
    '1',
    'NOK 90,000.00',
    'NOK 81,000.00',
  ]);
  await expectAccessible(page, 'dashboard');
  await page.screenshot({ path: screenshotPath('dashboard-light.png') });

  expect(problems).toEqual([]);
  await page.close();
}, 120_000);

it('creates and edits a deal in the table, and draws every view in the dark theme', async () => {
  const page = await browser.newPage({
    locale: 'en-US',
    colorScheme: 'dark',
    viewport: { width: 1600, height: 1000 },
  });
  await page.goto(server.base + '/tab');
  await signInAndOpen(page, ERIN, 'Board NL');
  await openView(page, 'Opportunities', 'Opportunities');
  await page.getByRole('button', { name: 'New opportunity' }).click();
  const dialog = page.getByRole('dialog', { name: 'New opportunity' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText('This field is required.').first().waitFor();
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Cranes');
  await dialog
    .getByRole('combobox', { name: /^Organisation/ })
    .selectOption({ label: 'Jansen Transport BV' });
  await dialog.getByRole('textbox', { name: /^Amount/ }).fill('12000');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('status').getByText('Opportunity Cranes was created.').waitFor();

  await page.getByRole('button', { name: 'Actions for Cranes' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Cranes' });
  await edit.getByRole('textbox', { name: /^Next step/ }).fill('Site visit');
  await edit.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').getByText('Opportunity Cranes was saved.').waitFor();
  await page.screenshot({ path: screenshotPath('opportunities-dark.png'), fullPage: true });

  await openView(page, 'Pipeline', 'Pipeline');
  await card(page, 'Cranes').waitFor();
  await expectAccessible(page, 'pipeline (dark)');
  await page.screenshot({ path: screenshotPath('pipeline-dark.png'), fullPage: true });
  await openView(page, 'Dashboard', 'Dashboard');
  await page.getByRole('table', { name: 'Pipeline by stage: the numbers' }).waitFor({ state: 'attached' });
  await expectAccessible(page, 'dashboard (dark)');
  await page.screenshot({ path: screenshotPath('dashboard-dark.png') });
  await page.close();
}, 120_000);

it('renames, adds and reorders stages in Settings, and the board follows', async () => {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.base + '/tab');
  await signInAndOpen(page, ERIN, 'Board NL');
  // The board first, so its (cached) stages must be refreshed by the save.
  await openView(page, 'Pipeline', 'Pipeline');
  await column(page, 'prospecting').waitFor();

  await openView(page, 'Settings', 'Settings');
  const stages = page.getByRole('table', { name: 'Stages and probabilities' });
  await stages.getByRole('textbox', { name: 'Name of stage 1' }).fill('First call');
  await page.getByRole('textbox', { name: 'New stage' }).fill('Demo given');
  await page.getByRole('button', { name: 'Add stage' }).click();
  // By keyboard: one place up, before Negotiation.
  await stages.getByRole('button', { name: 'Move up (Demo given)' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Demo given is now stage 6 of 9.').waitFor();
  await expectAccessible(page, 'settings');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').getByText('Saved.').waitFor();

  // A stage that still has deals cannot go: the page says which, and nothing is saved.
  await stages.getByRole('button', { name: 'Remove First call' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page
    .getByRole('status')
    .getByText('The stage “First call” still has opportunities', { exact: false })
    .waitFor();

  await openView(page, 'Pipeline', 'Pipeline');
  await column(page, 'demo-given').getByRole('heading', { name: 'Demo given' }).waitFor();
  await column(page, 'prospecting').getByRole('heading', { name: 'First call' }).waitFor();
  await card(page, 'Trailers').waitFor();
  const order = await page
    .locator('section[data-stage]')
    .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-stage')));
  expect(order.slice(4, 7)).toEqual(['proposal', 'demo-given', 'negotiation']);
  // The new stage is one to move a deal to.
  await page.getByRole('button', { name: 'Move to… (Trailers)' }).click();
  await page.getByRole('menuitem', { name: 'Demo given' }).click();
  await column(page, 'demo-given').locator('li[data-deal-id]').filter({ hasText: 'Trailers' }).waitFor();

  // The dashboard's chart tooltips live in portals; none may cover the page and take its clicks.
  await openView(page, 'Dashboard', 'Dashboard');
  await page.getByRole('table', { name: 'Pipeline by stage: the numbers' }).waitFor({ state: 'attached' });
  await openView(page, 'Settings', 'Settings');
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);
