import type { Browser, Locator, Page } from 'playwright-core';
import { writeBundle } from '../server/bundle/browser-bundle';
import { createLogger } from '../server/http/logging';
import { DEMO_ACTOR, seedDemoData } from '../server/seed/demo-data';
import { animationsDone, seriousAxeFindings } from '../server/testing/axe';
import { launchChromium, startBrowserServer, type BrowserServer } from '../server/testing/browser';
import { layoutFindings, layoutShot } from '../server/testing/layout-check';
import { testStorage } from '../server/testing/test-server';
import { VIEW_IDS } from './app/routes';

/**
 * How every view looks, in Chromium, with the demo workspace (`npm start`'s) and a few records with
 * long values: at 400 px (Teams mobile), 1366 and 1920 px, in the light and the dark theme, no text
 * is drawn outside its box or cell (a value cut with an ellipsis must have its whole text in a
 * title), no page is wider than the window, and axe finds nothing serious or critical, in every view
 * and every dialog. Each view is photographed at each width and theme into
 * `tab/test-artifacts/layout/` (git-ignored).
 */
const WIDTHS = [
  { width: 400, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

const LONG_ORGANISATION =
  'Koninklijke Nederlandsche Transport- en Logistiekonderneming Van der Heijden-Oosterhuis BV';

let browser: Browser;
let server: BrowserServer;
let ws: string;
/** Each view's address after the workspace, and what it is called in the findings and file names. */
/** The workspace picker (no workspace in the address), then every view of the workspace. */
const views: { path: string; name: string }[] = [
  { path: '', name: 'workspaces' },
  ...VIEW_IDS.map((path) => ({ path, name: path })),
];

beforeAll(async () => {
  const [deps] = await Promise.all([testStorage(), writeBundle()]);
  await seedDemoData(deps, createLogger('silent'));
  server = await startBrowserServer(deps);
  browser = await launchChromium();
  const mine = await server.api(DEMO_ACTOR, 'GET', '/workspaces');
  ws = mine.body.items[0].id;
  const base = `/workspaces/${ws}`;
  // Values as long as real ones get: they must be cut, never drawn over the next column.
  const org = await server.api(DEMO_ACTOR, 'POST', `${base}/organisations`, {
    name: LONG_ORGANISATION,
    website: 'https://www.koninklijke-transport-logistiek-van-der-heijden-oosterhuis.example',
    city: 'Hendrik-Ido-Ambacht',
    industry: 'Transport, logistics and warehousing services',
  });
  await server.api(DEMO_ACTOR, 'POST', `${base}/leads`, {
    firstName: 'Maria Fernanda',
    lastName: 'Albuquerque de Vasconcelos e Sá',
    company: 'Distribuidora de Produtos Alimentícios Vasconcelos & Filhos Ltda',
    email: 'maria.fernanda.albuquerque.vasconcelos@distribuidora-vasconcelos-filhos.example',
    source: 'partner-referral',
  });
  await server.api(DEMO_ACTOR, 'POST', `${base}/contacts`, {
    firstName: 'Wilhelmina',
    lastName: 'van der Heijden-Oosterhuis',
    organisationId: org.body.id,
    email: 'wilhelmina.van.der.heijden-oosterhuis@koninklijke-transport.example',
    title: 'Hoofd Inkoop en Contractbeheer Binnenlands Vervoer',
  });
  // One record page of each kind that has one.
  for (const kind of ['leads', 'organisations', 'contacts', 'campaigns', 'activities']) {
    const first = await server.api(DEMO_ACTOR, 'GET', `${base}/${kind}?limit=1`);
    views.push({ path: `${kind}/${first.body.items[0].id}`, name: `${kind}-record` });
  }
  // A deal's page: an open deal, so its stage path can still move to Lost (the dialogs below).
  const deals = await server.api(DEMO_ACTOR, 'GET', `${base}/opportunities?limit=100`);
  const open = deals.body.items.find((deal: { closedAt?: string }) => deal.closedAt === undefined);
  views.push({ path: `opportunities/${open.id}`, name: 'opportunities-record' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Resolves once the page has nothing on its way: no request in flight (API calls, lazily loaded
 * code), no spinner, two frames drawn since, and no animation running. Conditions, polled, never a fixed pause.
 */
function settled(page: Page): () => Promise<void> {
  let inFlight = 0;
  page.on('request', () => inFlight++);
  const done = () => inFlight--;
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const idle = async () => inFlight === 0 && (await page.getByRole('progressbar').count()) === 0;
  return async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (await idle()) {
        await page.evaluate(
          'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
        );
        // A fade or colour transition still running is a frame nobody looks at for long.
        if (await idle()) return animationsDone(page);
      }
      if (Date.now() > deadline) throw new Error(`the page is still busy (${inFlight} requests in flight)`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
}

async function signedIn(scheme: (typeof SCHEMES)[number]) {
  const page = await browser.newPage({ locale: 'en-US', colorScheme: scheme, viewport: WIDTHS[1] });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const ready = settled(page);
  await page.goto(`${server.base}/tab`);
  // The form comes filled in as the demo user, who owns the demo workspace.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'My Team', exact: true }).click();
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  // The pointer rests where it clicked, over the navigation: move it off, so no screenshot shows a hover.
  await page.mouse.move(0, page.viewportSize()?.height ?? 0);
  return { page, problems, ready };
}

async function show(page: Page, path: string, ready: () => Promise<void>) {
  const hash = path ? `#/w/${ws}/${path}` : '#/';
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await page.locator('main h2').first().waitFor();
  await ready();
}

it('finds text drawn outside its box, and lets a value cut with an ellipsis be when a title has it whole', async () => {
  const page = await browser.newPage({ viewport: WIDTHS[0] });
  const cell = (style: string, title = '') =>
    `<table style="table-layout: fixed; width: 200px"><tr><td style="width: 100px; overflow: hidden">` +
    `<span style="display: block; ${style}"${title}>maria.fernanda.albuquerque@vasconcelos.example</span>` +
    `</td><td>next</td></tr></table>`;
  const cut = 'overflow: hidden; text-overflow: ellipsis; white-space: nowrap';
  await page.setContent(cell(cut, ' title="maria.fernanda.albuquerque@vasconcelos.example"'));
  expect(await layoutFindings(page)).toEqual([]);
  await page.setContent(cell(cut));
  expect(await layoutFindings(page)).toEqual([
    expect.stringMatching(/^span "maria\.fernanda.*box \(cut, and no title has its whole text\)$/),
  ]);
  await page.setContent(cell('white-space: nowrap'));
  expect((await layoutFindings(page)).join('\n')).toMatch(/content \d+px in a \d+px cell/);
  // A value moved onto its neighbour: no box overflows, but the texts overlap.
  await page.setContent(
    `<table style="width: 380px"><tr><td style="width: 180px">Maria Albuquerque</td>` +
      `<td><span style="position: relative; left: -150px">maria@vasconcelos.example</span></td></tr></table>`,
  );
  expect(await layoutFindings(page)).toEqual([
    'row: "Maria Albuquerque" drawn over "maria@vasconcelos.example"',
  ]);
  // A value wrapped onto a second line of its cell (the row is a line high: it reads as two rows).
  await page.setContent(
    `<table style="table-layout: fixed; width: 380px"><tr><td style="width: 120px">Maria</td>` +
      `<td>Call Maria about the revised scope · 12 Dec 2026, 10:00</td></tr></table>`,
  );
  expect(await layoutFindings(page)).toEqual([
    expect.stringMatching(/^td "Call Maria.*": "Call Maria about the revised scope.*" on [23] lines$/),
  ]);
  // A fixed bar wider than the window: the page keeps its width, the bar's end is out of sight.
  await page.setContent(
    '<div style="position: fixed; left: 0; bottom: 0; width: calc(100% + 80px)"><span>Won</span></div>',
  );
  expect(await layoutFindings(page)).toEqual(['div "Won": drawn to 480px, past the 400px window']);
  await page.setContent('<div style="width: 600px">wide</div>');
  expect(await layoutFindings(page)).toEqual([
    expect.stringMatching(/^page: 6\d\dpx wide in a 400px window$/),
  ]);
  await page.close();
});

it('draws every view within its boxes at 400, 1366 and 1920 px, light and dark, and axe finds nothing serious', async () => {
  const findings: string[] = [];
  for (const scheme of SCHEMES) {
    const { page, problems, ready } = await signedIn(scheme);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      // The pointer keeps its place when the window changes: off the content, so no view is drawn hovered.
      await page.mouse.move(0, 0);
      for (const view of views) {
        await show(page, view.path, ready);
        const where = `${view.name} at ${size.width} px, ${scheme}`;
        for (const finding of await layoutFindings(page)) findings.push(`${where}: ${finding}`);
        // Colours differ by theme, roles by layout (cards on a narrow screen): axe at both.
        if (size.width !== 1920)
          for (const f of await seriousAxeFindings(page))
            findings.push(
              `${where}: axe ${f.id} (${f.impact}) at ${f.targets.slice(0, 3).join(', ')}: ${f.detail}`,
            );
        await page.screenshot({
          path: layoutShot(`${view.name}-${size.width}-${scheme}`),
          fullPage: true,
        });
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  }
  expect(findings).toEqual([]);
}, 900_000);

it('draws every dialog within its boxes, and axe finds nothing serious in any', async () => {
  const findings: string[] = [];
  for (const [scheme, size] of [
    ['light', WIDTHS[1]],
    ['dark', WIDTHS[0]],
  ] as const) {
    const { page, ready } = await signedIn(scheme);
    await page.setViewportSize(size);
    const check = async (name: string) => {
      const where = `${name} at ${size.width} px, ${scheme}`;
      await page.getByRole('dialog').last().waitFor();
      await ready();
      for (const finding of await layoutFindings(page)) findings.push(`${where}: ${finding}`);
      for (const f of await seriousAxeFindings(page))
        findings.push(
          `${where}: axe ${f.id} (${f.impact}) at ${f.targets.slice(0, 3).join(', ')}: ${f.detail}`,
        );
      await page.screenshot({ path: layoutShot(`dialog-${name}-${size.width}-${scheme}`) });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    };
    const rowMenu = async (record: string, item: string) => {
      await page.getByRole('button', { name: `Actions for ${record}` }).click();
      await page.getByRole('menuitem', { name: item }).click();
    };

    await show(page, 'leads', ready);
    await page.getByRole('button', { name: 'New lead' }).click();
    await check('new-lead');
    await rowMenu('Lars Hansen', 'Convert');
    await check('convert-lead');
    await rowMenu('Lars Hansen', 'Delete');
    await check('delete-lead');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await check('import-leads');
    await show(page, 'opportunities', ready);
    await page.getByRole('button', { name: 'New opportunity' }).click();
    await check('new-opportunity');
    // Merging: first the search for the other one, then the two side by side (long values).
    await show(page, 'organisations', ready);
    await page.getByRole('heading', { name: 'Organisations', level: 2 }).waitFor();
    await ready();
    // The row with the longest values: pressing its "…" must open the menu (the row once grew
    // under the pointer on the press, and the click missed the button).
    await rowMenu(LONG_ORGANISATION, 'Merge with…');
    await check('merge-pick');
    await rowMenu('Fjordlys Logistikk AS', 'Merge with…');
    await page.getByRole('dialog').getByText(LONG_ORGANISATION, { exact: true }).click();
    await page.getByRole('dialog').getByRole('table').waitFor();
    await check('merge-organisations');
    await show(page, views.find((v) => v.name === 'organisations-record')!.path, ready);
    await page.getByRole('button', { name: 'Edit' }).click();
    await check('edit-organisation');
    await page.getByRole('button', { name: 'New activity' }).click();
    await check('log-activity');
    // The deal page's stage path (a select on a narrow screen): Lost asks for the reason.
    await show(page, views.find((v) => v.name === 'opportunities-record')!.path, ready);
    if (size.width <= 600) await page.getByRole('combobox', { name: 'Stage' }).selectOption('closed-lost');
    else
      await page.getByRole('list', { name: 'Stage' }).getByRole('button', { name: 'Closed – Lost' }).click();
    await check('deal-lost-reason');
    await page.close();
  }
  expect(findings).toEqual([]);
}, 300_000);

/**
 * Presses the mouse on `target` at `position` (from its top left) once the card has stopped moving
 * (hover waits until its box is the same on two frames and nothing covers it), and moves it a little:
 * the board lifts the card (its drop zones show).
 */
async function lift(page: Page, target: Locator, position: { x: number; y: number }): Promise<void> {
  await target.hover({ position });
  const box = await target.boundingBox();
  if (!box) throw new Error('the card is not on screen');
  const [x, y] = [box.x + position.x, box.y + position.y];
  await page.mouse.down();
  await page.mouse.move(x - 10, y + 10, { steps: 5 });
  await page.locator('[data-drop-zones]').waitFor();
}

it('keeps the Won and Lost drop zones and the carried card inside the window, at every width', async () => {
  const findings: string[] = [];
  const { page, ready } = await signedIn('light');
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await show(page, 'pipeline', ready);
    // Lift the first card, then the one nearest the board's right edge (a column half in view),
    // each with the mouse: pressed on the visible part of its name, moved a little.
    const board = await page.locator('[data-board]').boundingBox();
    const names = page.locator('li[data-deal-id] a');
    const boxes = (await names.evaluateAll((links) =>
      links.map((a) => a.getBoundingClientRect().toJSON()),
    )) as { x: number; y: number; width: number; height: number }[];
    const right = (board?.x ?? 0) + (board?.width ?? 0) - 20;
    const inView = boxes.map((box, index) => ({ box, index })).filter(({ box }) => box.x < right);
    const rightmost = inView.reduce((a, b) => (b.box.x > a.box.x ? b : a));
    for (const [which, { box, index }] of [
      ['first card', inView[0]!],
      ['rightmost card', rightmost],
    ] as const) {
      // On the visible part of its name: a card of a half-hidden column is pressed left of the edge.
      const position = { x: Math.min(box.width / 2, right - box.x), y: box.height / 2 };
      await lift(page, names.nth(index), position);
      await page.evaluate('Promise.all(document.getAnimations().map((a) => a.finished))');
      for (const finding of await layoutFindings(page))
        findings.push(`pipeline, carrying the ${which}, at ${size.width} px: ${finding}`);
      await page.screenshot({
        path: layoutShot(`pipeline-dragging-${which.split(' ')[0]}-${size.width}-light`),
      });
      // Put back (Escape), and the button released away from the card, so no click follows its link.
      await page.keyboard.press('Escape');
      await page.mouse.move(1, 1);
      await page.mouse.up();
      await page.locator('[data-drop-zones]').waitFor({ state: 'detached' });
    }
  }
  await page.close();
  expect(findings).toEqual([]);
}, 300_000);
