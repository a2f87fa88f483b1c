import { gzipSync } from 'node:zlib';
import type { BrowserContext, Frame, Page } from 'playwright-core';

/** Where the tab is: a page of its own, or the frame a (simulated) Teams host shows it in. */
export type TabView = Page | Frame;

/** The speed budget of issue 9: the first screen's JavaScript, gzipped (the server sends its prebuilt brotli copies, smaller still). */
export const FIRST_SCREEN_GZIP_BUDGET_BYTES = 350_000;

export type ScriptTotals = { readonly files: number; readonly rawBytes: number; readonly gzipBytes: number };

/**
 * Records every script the page loads from now on (the entry, its static chunks and any lazy chunk
 * the screen asks for); `totals()` gzips what was loaded so far.
 */
export function recordScripts(page: Page): { totals(): Promise<ScriptTotals> } {
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.set(response.url(), response.body());
  });
  return {
    totals: async () => {
      const all = await Promise.all(bodies.values());
      return {
        files: all.length,
        rawBytes: all.reduce((sum, body) => sum + body.length, 0),
        gzipBytes: all.reduce((sum, body) => sum + gzipSync(body).length, 0),
      };
    },
  };
}

// In-page code is written as JavaScript text: the server's TypeScript has no DOM, and tsx (the
// benchmarks' runner) would wrap named inner functions in a `__name()` the page lacks.
const TABLE = `document.querySelector('table[aria-label="Leads"]')`;
/** The records the leads table counts (loaded so far), from its `aria-rowcount` (header included). */
const RECORD_COUNT = `(Number(${TABLE}?.getAttribute('aria-rowcount') ?? 1) - 1)`;

/** The records the leads table counts (loaded so far). */
export const leadRecordCount = (page: TabView): Promise<number> =>
  page.evaluate(RECORD_COUNT) as Promise<number>;

/**
 * Waits until the leads table counts more than `records` records (polled from here: the page's CSP
 * forbids the eval `waitForFunction` needs for text).
 */
export async function waitForMoreLeads(page: TabView, records: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await leadRecordCount(page);
    if (count > records) return count;
    if (Date.now() > deadline) throw new Error(`the leads table still counts ${count} records`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * From a workspace just opened (it opens on My day) to the leads: the navigation's Leads link,
 * pressed with the keyboard, which works the same in a page and in a host's cross-origin frame.
 */
export async function openLeads(page: TabView): Promise<void> {
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Leads' }).press('Enter');
}

/**
 * What a user sees as a usable leads screen: the table shows its first page (the first row is on
 * screen and the table counts at least `rows` records; it is virtualised, so most rows are not in
 * the DOM) and the first row's link can be clicked.
 */
export async function waitForUsableLeads(page: TabView, rows: number): Promise<void> {
  const table = page.getByRole('table', { name: 'Leads' });
  await table.locator('tr[aria-rowindex="2"]').getByRole('link').waitFor();
  await waitForMoreLeads(page, rows - 1);
}

/** The rows of the leads table in the DOM now (header included). */
export const renderedLeadRows = (page: TabView): Promise<number> =>
  page.getByRole('table', { name: 'Leads' }).getByRole('row').count();

/**
 * Answers every workspace's leads list in the browser with `total` made-up leads, cursor page after
 * cursor page (the `limit` the app asks for), so a workspace of 100k leads costs no storage. Every
 * other request goes to the real server. `pages()` counts the list requests answered.
 */
export async function fakeLeadList(page: Page, total: number): Promise<{ pages(): number }> {
  let served = 0;
  const at = new Date(0).toISOString();
  await page.route(/\/api\/v1\/workspaces\/[^/]+\/leads(\?.*)?$/, async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const url = new URL(route.request().url());
    const workspaceId = decodeURIComponent(url.pathname.split('/')[4] ?? '');
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const to = Math.min(total, from + Number(url.searchParams.get('limit') ?? 50));
    served++;
    const items = Array.from({ length: to - from }, (_, k) => ({
      id: `L${String(from + k).padStart(6, '0')}`,
      workspaceId,
      status: 'open-not-contacted',
      firstName: 'Lead',
      lastName: String(from + k),
      company: `Company ${(from + k) % 997}`,
      email: `lead${from + k}@example.com`,
      source: 'web',
      ownerId: 'bench',
      qualification: { budget: false, authority: false, need: false, timeline: false },
      createdAt: at,
      createdBy: 'bench',
      updatedAt: at,
      updatedBy: 'bench',
      etag: '"AQ"',
    }));
    await route.fulfill({ json: { items, nextCursor: to < total ? String(to) : null } });
  });
  return { pages: () => served };
}

/**
 * The first-screen flow as the page's own clock saw it, in epoch ms (`performance.timeOrigin` +
 * `performance.now()`, one clock for a page and its frames): when the document's navigation
 * started, the first DOM change that showed each landmark (the sign-in form, the workspace's
 * button, My day, a usable leads table), and every key or pointer press. The driver's own waits
 * poll a frame from the outside (up to ~300 ms late inside a cross-origin frame), so timings read
 * from them measure the driver as much as the app.
 */
export type Moments = {
  readonly navigationStart: number;
  readonly signInForm?: number;
  readonly workspace?: number;
  readonly myDay?: number;
  readonly usableLeads?: number;
  readonly presses: readonly number[];
};

/**
 * Has every document of `context` note its `Moments` (an init script, which the page's CSP does
 * not govern): `workspace` is the name of the workspace's button, `rows` the records a usable leads
 * table counts. Checked on every DOM change, until the leads are usable.
 */
export const watchMoments = async (context: BrowserContext, workspace: string, rows: number): Promise<void> =>
  void (await context.addInitScript(`(() => {
  const at = () => performance.timeOrigin + performance.now();
  const moments = { navigationStart: performance.timeOrigin, presses: [] };
  window.__moments = moments;
  for (const type of ['keydown', 'pointerdown'])
    addEventListener(type, () => moments.presses.push(at()), { capture: true });
  const button = (name) => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === name);
  const checks = {
    signInForm: () => button('Sign in'),
    workspace: () => button(${JSON.stringify(workspace)}),
    myDay: () => [...document.querySelectorAll('h2')].some((h) => h.textContent.trim() === 'My day'),
    usableLeads: () =>
      !!${TABLE}?.querySelector('tr[aria-rowindex="2"] a[href]') && ${RECORD_COUNT} >= ${rows},
  };
  // On DOM changes, not every animation frame: a rAF loop makes the browser draw frames it would
  // not (in the host's page too), which slowed the very flow it measured.
  const observer = new MutationObserver(() => {
    for (const [name, check] of Object.entries(checks))
      if (moments[name] === undefined && check()) moments[name] = at();
    if (moments.usableLeads !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})()`));

/** The moments `watchMoments` noted in `view` so far. */
export const readMoments = (view: TabView): Promise<Moments> =>
  view.evaluate('window.__moments') as Promise<Moments>;

/**
 * From a workspace opened to a usable leads table, by the page's clock: the press that opened the
 * workspace → My day drawn, plus the press on Leads → the table usable (the driver's reaction
 * between My day and its press is not the app's time).
 */
export function leadsMsFrom(moments: Moments): number {
  const { workspace, myDay, usableLeads } = moments;
  if (workspace === undefined || myDay === undefined || usableLeads === undefined)
    throw new Error(`the flow did not finish: ${JSON.stringify(moments)}`);
  const pressAfter = (moment: number) => {
    const press = moments.presses.find((at) => at >= moment);
    if (press === undefined) throw new Error('no press after the landmark');
    return press;
  };
  return myDay - pressAfter(workspace) + (usableLeads - pressAfter(myDay));
}

export type ScrollRun = {
  /** Time between animation frames while scrolling, in ms. */
  readonly frameMs: number[];
  /** Main-thread tasks over 50 ms seen while scrolling. */
  readonly longTasks: number;
  readonly longTaskMs: number;
  /** The most table rows in the DOM at any frame. */
  readonly maxDomRows: number;
  /** Records the table counted when the run ended. */
  readonly recordCount: number;
};

const SCROLL = `(step, frames) => new Promise((done) => {
  const table = ${TABLE};
  const scroller = table.parentElement;
  const frameMs = [];
  let longTasks = 0;
  let longTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks++;
      longTaskMs += entry.duration;
    }
  });
  observer.observe({ type: 'longtask' });
  let maxDomRows = 0;
  let last = 0;
  const tick = (now) => {
    frameMs.push(now - last);
    last = now;
    maxDomRows = Math.max(maxDomRows, table.querySelectorAll('tr').length);
    if (frameMs.length >= frames) {
      observer.disconnect();
      done({ frameMs, longTasks, longTaskMs, maxDomRows, recordCount: ${RECORD_COUNT} });
      return;
    }
    scroller.scrollTop += step;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    last = now;
    scroller.scrollTop += step;
    requestAnimationFrame(tick);
  });
})`;

/**
 * Scrolls the leads table by `step` pixels every animation frame for `frames` frames (negative
 * steps scroll up), as a fast fling would, and reports what the frames cost.
 */
export const scrollLeads = (page: Page, step: number, frames: number): Promise<ScrollRun> =>
  page.evaluate(`(${SCROLL})(${step}, ${frames})`) as Promise<ScrollRun>;

/** Jumps to the end of the loaded rows, page after page, until the table counts `records`. */
export async function loadLeadsUpTo(page: Page, records: number): Promise<number> {
  for (;;) {
    const count = (await page.evaluate(
      `(${TABLE}.parentElement.scrollTop = 1e9, ${RECORD_COUNT})`,
    )) as number;
    if (count >= records) return count;
    await waitForMoreLeads(page, count);
  }
}
