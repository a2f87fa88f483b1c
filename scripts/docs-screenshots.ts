/**
 * The README's screenshots, from `npm start`'s demo: `npx tsx scripts/docs-screenshots.ts` starts the
 * product on free ports over a fresh data folder, signs in to the tab in headless Chromium (1366 px
 * wide) as the demo's owner and photographs My day, the leads list, the pipeline board, a deal's page
 * and the dashboard, the leads list as Teams mobile shows it (400 px, dark), then wins a deal and
 * photographs its card in the Agents Playground's General channel. Writes docs/screenshots/{my-day,
 * leads,pipeline,deal,dashboard,leads-mobile,bot-card}.png (the README links these names: keep them).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_ACTOR } from '../tab/server/seed/demo-data';
import { launchChromium } from '../tab/server/testing/browser';
import { startProduct } from './jest/start-product';

const out = resolve(__dirname, '../docs/screenshots');
const WIDTH = 1366;
const SLOW = { timeout: 90_000 };

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-screenshots-'));
  const product = await startProduct({
    DATA_DIR: dataDir,
    STORAGE_CONNECTION_STRING: '',
    STORAGE_ACCOUNT_URL: '',
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      locale: 'en-US',
      colorScheme: 'light',
      viewport: { width: WIDTH, height: 768 },
    });
    // Offline: the playground's page asks a CDN for fonts only.
    await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort());

    const tab = await context.newPage();
    await tab.goto(`${product.base}/tab`);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.getByText(`Signed in as ${DEMO_ACTOR.name}`).waitFor(SLOW);
    await tab.getByRole('button', { name: 'My Team' }).click();
    // The workspace opens on My day; the leads are the next link.
    await tab.getByRole('heading', { name: 'My day', level: 2 }).waitFor(SLOW);
    await tab.getByText('Agree the fleet tracking pilot').waitFor(SLOW);
    await shoot(tab, 'my-day.png');
    await tab.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Leads' }).click();
    await tab.getByRole('heading', { name: 'Leads', level: 2 }).waitFor(SLOW);
    await tab.getByRole('link', { name: 'Lars Hansen' }).waitFor(SLOW);
    await shoot(tab, 'leads.png');

    await tab.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Pipeline' }).click();
    await tab.getByRole('heading', { name: 'Pipeline', level: 2 }).waitFor(SLOW);
    await tab.getByText('Fjordlys – fleet tracking').first().waitFor(SLOW);
    await shoot(tab, 'pipeline.png');

    await tab.getByRole('link', { name: 'Fjordlys – fleet tracking' }).first().click();
    await tab.getByRole('heading', { name: 'Fjordlys – fleet tracking', level: 2 }).waitFor(SLOW);
    await waitForNoSpinner(tab);
    await shoot(tab, 'deal.png');

    await tab.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Dashboard' }).click();
    await tab.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor(SLOW);
    await tab
      .getByRole('table', { name: 'Pipeline by stage: the numbers' })
      .waitFor({ state: 'attached', ...SLOW });
    await waitForNoSpinner(tab);
    await shoot(tab, 'dashboard.png');

    // Teams mobile: the same session (kept across the reload), 400 px wide and dark.
    const leadsUrl = tab.url().replace(/\/dashboard.*$/, '/leads');
    const phone = await browser.newContext({
      locale: 'en-US',
      colorScheme: 'dark',
      viewport: { width: 400, height: 800 },
      storageState: await context.storageState(),
    });
    const mobile = await phone.newPage();
    await mobile.goto(leadsUrl);
    await mobile.getByRole('heading', { name: 'Leads', level: 2 }).waitFor(SLOW);
    await mobile.getByRole('link', { name: 'Lars Hansen' }).waitFor(SLOW);
    await shoot(mobile, 'leads-mobile.png');
    await phone.close();

    const chat = await context.newPage();
    await product.told('Chat with the bot as Teams shows it');
    await chat.goto(`http://localhost:${product.playgroundPort}`);
    await chat.getByRole('treeitem', { name: 'My Team - General' }).click();
    const post = (...texts: string[]) =>
      texts.reduce((found, text) => found.filter({ hasText: text }), chat.getByRole('group'));
    await post('Pipeline CRM is ready: My Team').first().waitFor(SLOW);
    await winDeal(product.base, 'Fjordlys – fleet tracking');
    const card = post('Deal won!', 'Fjordlys – fleet tracking').first();
    await card.waitFor(SLOW);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(out, 'bot-card.png'), animations: 'disabled' });
    report('bot-card.png');
  } finally {
    await browser.close();
    await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  // The pointer off every control: a navigation item left hovered reads as a second current view.
  const size = page.viewportSize();
  if (size) await page.mouse.move(size.width - 1, size.height - 1);
  await page.screenshot({ path: join(out, name), animations: 'disabled' });
  report(name);
}

/** Until no spinner shows (the dashboard's charts arrive one by one). */
async function waitForNoSpinner(page: Page): Promise<void> {
  const deadline = Date.now() + SLOW.timeout;
  while ((await page.getByRole('progressbar').count()) > 0) {
    if (Date.now() > deadline) throw new Error('the page is still loading');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function report(name: string): void {
  const path = join(out, name);
  console.log(`${relative(process.cwd(), path)}: ${Math.round(statSync(path).size / 1024)} KB`);
}

/** The deal moved to Closed – Won through the API, as the demo's owner: the relay posts its card. */
async function winDeal(base: string, name: string): Promise<void> {
  const { token } = (await (
    await fetch(`${base}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_ACTOR),
    })
  ).json()) as { token: string };
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return {
      etag: res.headers.get('etag') ?? '',
      body: (await res.json()) as { items?: { id: string; name?: string; teamId?: string }[] },
    };
  };
  const ws = (await call('/workspaces')).body.items?.find((w) => w.teamId === 'team-id');
  if (!ws) throw new Error('the demo workspace bound to the playground team is missing');
  const deals = await call(
    `/workspaces/${ws.id}/opportunities?q=${encodeURIComponent(name.split(' ')[0] ?? '')}`,
  );
  const deal = deals.body.items?.find((d) => d.name === name);
  if (!deal) throw new Error(`no deal ${name} in the demo`);
  const read = await call(`/workspaces/${ws.id}/opportunities/${deal.id}`);
  await call(`/workspaces/${ws.id}/opportunities/${deal.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ stage: 'closed-won' }),
    headers: { 'if-match': read.etag },
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
