import type { Actor } from '@crm/shared';
import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
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

/** Every deal of the workspace: its stage, by name (what the server holds, not what the page shows). */
async function stagesByName(): Promise<Record<string, string>> {
  const res = await server.api(ERIN, 'GET', `/workspaces/${ws}/opportunities?limit=200`);
  expect(res.status).toBe(200);
  return Object.fromEntries(
    (res.body.items as { name: string; stage: string }[]).map((deal) => [deal.name, deal.stage]),
  );
}

async function makeDeal(name: string, stage: string): Promise<void> {
  const org = await server.api(ERIN, 'GET', `/workspaces/${ws}/organisations?limit=1`);
  const res = await server.api(ERIN, 'POST', `/workspaces/${ws}/opportunities`, {
    name,
    organisationId: org.body.items[0].id,
    amount: 1_500,
    currency: 'EUR',
    stage,
  });
  expect(res.status).toBe(201);
}

async function openBoard(page: Page): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(`#/w/${ws}/pipeline`)}`);
  await page.getByRole('heading', { name: 'Pipeline', level: 2 }).waitFor();
  await page.locator('[data-board]').waitFor();
}

/** The page records which column (or drop zone) was under the pointer when the button went up. */
async function recordRelease(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { releasedOver?: string };
    const under = (x: number, y: number) => {
      for (const element of document.elementsFromPoint(x, y)) {
        const target = element.closest('[data-zone], section[data-stage]');
        if (target) return target.getAttribute('data-zone') ?? target.getAttribute('data-stage') ?? '';
      }
      return '';
    };
    // Capture on the window: before the board's own listener on the document ends the drag.
    window.addEventListener('mouseup', (e) => (w.releasedOver = under(e.clientX, e.clientY)), true);
    window.addEventListener(
      'touchend',
      (e) => {
        const touch = e.changedTouches[0];
        if (touch) w.releasedOver = under(touch.clientX, touch.clientY);
      },
      true,
    );
  });
}

const releasedOver = (page: Page) =>
  page.evaluate(() => (window as unknown as { releasedOver?: string }).releasedOver);

/** Presses a card's name with the mouse and moves a little, until the board lifts it. */
async function liftWithMouse(page: Page, name: string): Promise<void> {
  const handle = card(page, name).getByText(name, { exact: true });
  await handle.scrollIntoViewIfNeeded();
  const box = await handle.boundingBox();
  if (!box) throw new Error('not on screen');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 10, y + 10, { steps: 5 });
  await page.locator('[data-drop-zones]').waitFor();
}

/** The centre of an element as the page lays it out now. */
async function centre(target: Locator): Promise<{ x: number; y: number }> {
  const box = await target.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

it('drags cards onto the Won and Lost drop zones at 1366 px, and onto a column the board scrolls to, where released', async () => {
  await makeDeal('Barges', 'prospecting');
  await makeDeal('Tugs', 'prospecting');
  await makeDeal('Rafts', 'prospecting');
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.base + '/tab');
  await signInAndOpen(page, ERIN, 'Board NL');
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  await openBoard(page);
  await card(page, 'Barges').waitFor();
  await recordRelease(page);
  // The page itself never scrolls sideways: the board does, inside itself.
  const widths = () =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      board: document.querySelector('[data-board]')!.scrollWidth,
      boardBox: document.querySelector('[data-board]')!.clientWidth,
    }));
  const before = await widths();
  expect(before.page).toBeLessThanOrEqual(before.window);
  expect(before.board).toBeGreaterThan(before.boardBox);
  const columnWidths = await page
    .locator('section[data-stage]')
    .evaluateAll((sections) => sections.map((s) => s.getBoundingClientRect().width));
  expect(Math.min(...columnWidths)).toBeGreaterThanOrEqual(240);
  const stagesBefore = await stagesByName();

  // Won: the drop zone at the foot of the window, whatever the board's scroll.
  await liftWithMouse(page, 'Barges');
  const won = page.locator('[data-zone="closed-won"]');
  const zone = await centre(won);
  await page.mouse.move(zone.x, zone.y, { steps: 12 });
  await won.and(page.locator('[data-drop-target]')).waitFor();
  await page.screenshot({ path: screenshotPath('pipeline-dragging-1366.png') });
  await page.mouse.up();
  await page.getByRole('status').getByText('Barges moved to Closed – Won.').waitFor();
  await page.locator('[data-drop-zones]').waitFor({ state: 'detached' });
  expect(await releasedOver(page)).toBe('closed-won');
  expect(await stagesByName()).toEqual({ ...stagesBefore, Barges: 'closed-won' });

  // Negotiation lies beyond the board's right edge: carried there, the board scrolls until it is in
  // view; released on it, the card lands there and nowhere else.
  const negotiation = column(page, 'negotiation');
  const board = page.locator('[data-board]');
  const inView = async () => {
    const [b, c] = await Promise.all([board.boundingBox(), negotiation.boundingBox()]);
    return Boolean(b && c && c.x >= b.x && c.x + c.width <= b.x + b.width);
  };
  // From the board's start, where Tugs is (a drag or a scroll before may have moved it).
  await board.evaluate((b) => b.scrollTo({ left: 0 }));
  await until(page, async () => (await board.evaluate((b) => b.scrollLeft)) === 0, 'the board at its start');
  expect(await inView()).toBe(false);
  await liftWithMouse(page, 'Tugs');
  const edge = await board.boundingBox();
  if (!edge) throw new Error('no board');
  const nearEdge = { x: edge.x + edge.width - 20, y: edge.y + 80 };
  await page.mouse.move(nearEdge.x, nearEdge.y, { steps: 12 });
  // Held near the edge, the board scrolls by itself; a small move now and then keeps the drag alive.
  for (let wiggle = 0; !(await inView()); wiggle++) {
    if (wiggle > 400) throw new Error('the board did not scroll Negotiation into view');
    await page.mouse.move(nearEdge.x - (wiggle % 2), nearEdge.y, { steps: 1 });
    await negotiation.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  }
  const target = await centre(negotiation.locator('h3'));
  await page.mouse.move(target.x, target.y + 40, { steps: 8 });
  await negotiation.and(page.locator('[data-drop-target]')).waitFor();
  await page.mouse.up();
  await page.getByRole('status').getByText('Tugs moved to Negotiation.').waitFor();
  expect(await releasedOver(page)).toBe('negotiation');
  expect(await stagesByName()).toEqual({ ...stagesBefore, Barges: 'closed-won', Tugs: 'negotiation' });
  await negotiation.locator('li[data-deal-id]').filter({ hasText: 'Tugs' }).waitFor();

  // Lost: the zone asks for the reason first, as a move to the Lost column does.
  await liftWithMouse(page, 'Rafts');
  const lostZone = page.locator('[data-zone="closed-lost"]');
  const lostAt = await centre(lostZone);
  await page.mouse.move(lostAt.x, lostAt.y, { steps: 12 });
  await lostZone.and(page.locator('[data-drop-target]')).waitFor();
  await page.mouse.up();
  // Read now: the dialog's own clicks are mouse-ups too.
  expect(await releasedOver(page)).toBe('closed-lost');
  const why = page.getByRole('dialog', { name: 'Why was Rafts lost?' });
  await why.getByRole('textbox', { name: /^Lost reason/ }).fill('No budget this year');
  await why.getByRole('button', { name: 'Mark as lost' }).click();
  await page.getByRole('status').getByText('Rafts moved to Closed – Lost.').waitFor();
  expect(await stagesByName()).toEqual({
    ...stagesBefore,
    Barges: 'closed-won',
    Tugs: 'negotiation',
    Rafts: 'closed-lost',
  });
  const after = await widths();
  expect(after.page).toBeLessThanOrEqual(after.window);
  expect(problems).toEqual([]);
  await page.close();
}, 180_000);

/** Waits, a frame at a time, until `check` holds (at most a minute on a busy machine). */
async function until(page: Page, check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  }
}

/** A finger on the screen, through the DevTools protocol (the page reports touch support). */
async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: Math.round(x), y: Math.round(y), id: 1 }],
  });
}

it('moves a card by touch at 400 px: hold, carry to Won, let go; a swipe scrolls the board instead', async () => {
  await makeDeal('Canoes', 'prospecting');
  const page = await browser.newPage({
    locale: 'en-US',
    viewport: { width: 400, height: 800 },
    hasTouch: true,
    isMobile: true,
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.base + '/tab');
  await signInAndOpen(page, ERIN, 'Board NL');
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  await openBoard(page);
  await card(page, 'Canoes').waitFor();
  await recordRelease(page);
  const cdp = await page.context().newCDPSession(page);
  const stagesBefore = await stagesByName();
  const sizes = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(sizes.page).toBeLessThanOrEqual(sizes.window);

  // A quick swipe sideways on a card scrolls the board and lifts nothing.
  const board = page.locator('[data-board]');
  const scrollLeft = () => board.evaluate((b) => b.scrollLeft);
  const swipeFrom = await centre(card(page, 'Canoes').getByText('Canoes', { exact: true }));
  await touch(cdp, 'touchStart', swipeFrom.x + 60, swipeFrom.y);
  for (let step = 1; step <= 8; step++)
    await touch(cdp, 'touchMove', swipeFrom.x + 60 - step * 20, swipeFrom.y);
  await touch(cdp, 'touchEnd', 0, 0);
  await until(page, async () => (await scrollLeft()) > 0, 'the swipe scrolled the board');
  expect(await page.locator('[data-drop-zones]').count()).toBe(0);
  // Back to the start (again while the swipe's fling may still be moving it).
  await until(
    page,
    async () => {
      await board.evaluate((b) => b.scrollTo({ left: 0 }));
      return (await scrollLeft()) === 0;
    },
    'the board is back at its start',
  );

  // Hold still: the card lifts and the drop zones appear; carry it to Won and let go.
  const start = await centre(card(page, 'Canoes').getByText('Canoes', { exact: true }));
  await touch(cdp, 'touchStart', start.x, start.y);
  await page.locator('[data-drop-zones]').waitFor();
  const won = page.locator('[data-zone="closed-won"]');
  const zone = await centre(won);
  for (let step = 1; step <= 12; step++) {
    await touch(
      cdp,
      'touchMove',
      start.x + ((zone.x - start.x) * step) / 12,
      start.y + ((zone.y - start.y) * step) / 12,
    );
  }
  await won.and(page.locator('[data-drop-target]')).waitFor();
  await page.screenshot({ path: screenshotPath('pipeline-dragging-400.png') });
  await touch(cdp, 'touchEnd', 0, 0);
  await page.getByRole('status').getByText('Canoes moved to Closed – Won.').waitFor();
  expect(await releasedOver(page)).toBe('closed-won');
  expect(await stagesByName()).toEqual({ ...stagesBefore, Canoes: 'closed-won' });
  expect(problems).toEqual([]);
  await page.close();
}, 180_000);
