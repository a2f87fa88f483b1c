import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath } from '../tab/server/testing/browser';
import { DEMO_ACTOR } from '../tab/server/seed/demo-data';
import { startProduct, type StartedProduct } from './jest/start-product';

/** A parsed JSON answer, read loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers by path
type Json = any;

/** A slow, busy machine: the relay's post, a card's round trip. Conditions are waited on, never time. */
const SLOW = { timeout: 90_000 };

// bot/README.md's "Chat with the bot locally", as a newcomer does it: `npm start` (tab, bot, the
// Microsoft 365 Agents Playground against the bot; storage is the run's Azurite), the playground's
// page in Chromium on the General channel of "My Team", a deal won through the API, then a lead
// qualified and converted from the compose box.
describe('the local Teams of npm start (Microsoft 365 Agents Playground)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-playground-e2e-'));
  let product: StartedProduct;
  let browser: Browser;
  let chat: Page;

  beforeAll(async () => {
    [product, browser] = await Promise.all([
      startProduct({
        DATA_DIR: dataDir,
        STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING,
        TABLE_PREFIX: `p${randomBytes(5).toString('hex')}`,
      }),
      launchChromium(),
    ]);
    await product.told('Chat with the bot as Teams shows it');
    chat = await (await browser.newContext({ locale: 'en-US' })).newPage();
    // Offline: its page asks a CDN for fonts only; nothing leaves the machine.
    await chat.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    expect(await product?.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The API as the demo's owner, Alex Wilber (the playground's current user). */
  async function api(method: string, path: string, body?: unknown, ifMatch?: string) {
    const { token } = (await (
      await fetch(`${product.base}/api/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(DEMO_ACTOR),
      })
    ).json()) as { token: string };
    const res = await fetch(`${product.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as Json };
  }

  /** A post in the channel (the playground draws each as a group), by texts it holds. */
  const post = (...texts: string[]) =>
    texts.reduce((found, text) => found.filter({ hasText: text }), chat.getByRole('group'));

  it('when Alex opens General in My Team, then the bot is installed there and says the channel is the workspace’s', async () => {
    await chat.goto(`http://localhost:${product.playgroundPort}`);
    await chat.getByRole('treeitem', { name: 'My Team - General' }).click();
    // Opening the channel sends the install (conversationUpdate); the bot finds the seeded binding.
    await post('Pipeline CRM is ready: My Team').first().waitFor(SLOW);
    await chat.screenshot({ path: screenshotPath('playground-1-general.png') });
  }, 120_000);

  it('when a deal is moved to Won, then its won card shows in the General channel', async () => {
    const { body: mine } = await api('GET', '/api/v1/workspaces');
    const ws = (mine.items as { id: string; teamId?: string }[]).find((w) => w.teamId === 'team-id')!;
    expect(ws).toBeDefined();
    const { body: deals } = await api('GET', `/api/v1/workspaces/${ws.id}/opportunities?q=fleet`);
    const deal = deals.items.find((d: { name: string }) => d.name === 'Fjordlys – fleet tracking');
    const read = await api('GET', `/api/v1/workspaces/${ws.id}/opportunities/${deal.id}`);
    const won = await api(
      'PATCH',
      `/api/v1/workspaces/${ws.id}/opportunities/${deal.id}`,
      { stage: 'closed-won' },
      read.etag!,
    );
    expect(won.status).toBe(200);

    const card = post('Deal won!', 'Fjordlys – fleet tracking');
    await card.first().waitFor(SLOW);
    expect(await card.first().innerText()).toMatch(/€22,500\.00[\s\S]*Congratulations, Alex Wilber!/);
    await chat.screenshot({ path: screenshotPath('playground-2-won.png') });
  }, 120_000);

  it('when Alex posts "@Pipeline CRM qualify Lars Hansen", then the qualify card shows and Convert converts', async () => {
    await chat.getByRole('textbox').first().click();
    await chat.keyboard.type('@Pipeline');
    await chat.getByRole('menuitem', { name: 'Pipeline CRM' }).click();
    await chat.keyboard.type(' qualify Lars Hansen');
    await chat.getByRole('button', { name: 'Post' }).click();

    const qualify = post('Qualify Lars Hansen');
    await qualify.getByRole('button', { name: 'Convert' }).waitFor(SLOW);
    for (const criterion of ['Budget', 'Decision maker', 'Need', 'Timeline']) {
      await qualify.getByRole('checkbox', { name: criterion }).check();
    }
    await qualify.getByRole('spinbutton', { name: 'Amount' }).fill('5000');
    await chat.screenshot({ path: screenshotPath('playground-3-qualify.png') });
    await qualify.getByRole('button', { name: 'Convert' }).click();

    // The card is replaced in place, and the conversion is posted to the channel.
    await post('Lars Hansen is converted.').first().waitFor(SLOW);
    const notice = post('Lead converted', 'Alex Wilber converted Lars Hansen.');
    await notice.first().waitFor(SLOW);
    expect(await notice.first().innerText()).toMatch(/Nordkapp Fisk AS[\s\S]*€5,000\.00/);
    await chat.screenshot({ path: screenshotPath('playground-4-converted.png') });

    const { body: mine } = await api('GET', '/api/v1/workspaces');
    const ws = (mine.items as { id: string }[])[0]!;
    const { body: leads } = await api('GET', `/api/v1/workspaces/${ws.id}/leads?q=lars@nordkapp.example`);
    expect(leads.items.map((l: { status: string }) => l.status)).toEqual(['closed-converted']);
  }, 120_000);
});
