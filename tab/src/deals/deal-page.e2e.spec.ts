import type { Browser } from 'playwright-core';
import { writeBundle } from '../../server/bundle/browser-bundle';
import {
  launchChromium,
  signInAndOpen,
  startBrowserServer,
  type BrowserServer,
} from '../../server/testing/browser';
import { screenshot } from '../../server/testing/e2e-harness';
import { testStorage } from '../../server/testing/test-server';

/**
 * A deal's own page in Chromium (real server on Azurite, real bundle): opened by its address, moved
 * along its stage path, its amount edited in place, and all of it still there after a reload; a
 * delete from the page comes back with the toast's Undo.
 */
const KARI = { tenantId: 'aaaaaaaa-0000-4000-8000-0000000000d2', userId: 'kari', name: 'Kari Nordmann' };

let browser: Browser;
let server: BrowserServer;

beforeAll(async () => {
  const [deps] = await Promise.all([testStorage(), writeBundle()]);
  server = await startBrowserServer(deps);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('opens a deal by its address, moves it along the stage path, edits the amount in place and keeps both on reload', async () => {
  const workspace = await server.api(KARI, 'POST', '/workspaces', { name: 'Fjordlys sales' });
  const base = `/workspaces/${workspace.body.id}`;
  const org = await server.api(KARI, 'POST', `${base}/organisations`, { name: 'Fjordlys Logistikk AS' });
  await server.api(KARI, 'POST', `${base}/contacts`, {
    organisationId: org.body.id,
    firstName: 'Ola',
    lastName: 'Berg',
  });
  const deal = await server.api(KARI, 'POST', `${base}/opportunities`, {
    name: 'Fleet tracking',
    organisationId: org.body.id,
    amount: 12000,
    currency: 'EUR',
  });
  const address = `${server.base}/tab#/w/${workspace.body.id}/opportunities/${deal.body.id}`;

  const page = await (
    await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } })
  ).newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.base}/tab`);
  await signInAndOpen(page, KARI, 'Fjordlys sales');
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();

  // The deal's address opens its page (a reload there too, further down).
  await page.goto(address);
  await page.getByRole('heading', { name: 'Fleet tracking', level: 2 }).waitFor();
  const path = page.getByRole('list', { name: 'Stage' });
  expect(await path.getByRole('button', { name: 'Prospecting' }).getAttribute('aria-current')).toBe('step');
  await page.getByRole('link', { name: 'Ola Berg' }).waitFor();

  // A click on a stage moves the deal there.
  await path.getByRole('button', { name: 'Qualification' }).click();
  await page.getByRole('status').filter({ hasText: 'Fleet tracking is now in Qualification.' }).waitFor();
  await path.locator('[aria-current="step"]', { hasText: 'Qualification' }).waitFor();

  // The amount, edited where it is shown: click, type, Enter.
  await page.getByRole('button', { name: 'Amount €12,000.00' }).click();
  await page.getByRole('spinbutton', { name: 'Amount' }).fill('25000');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Amount €25,000.00' }).waitFor();
  await screenshot(page, 'deal-page-1366');

  await page.reload();
  await page.getByRole('heading', { name: 'Fleet tracking', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Amount €25,000.00' }).waitFor();
  await path.locator('[aria-current="step"]', { hasText: 'Qualification' }).waitFor();
  const history = page.getByRole('list', { name: 'Stage history' });
  await history.getByText('Prospecting → Qualification').waitFor();
  expect(await history.getByText(/^Kari Nordmann · /).count()).toBe(2);

  // At 400 px the stage path is a select, and the page one column.
  await page.setViewportSize({ width: 400, height: 900 });
  await page.getByRole('combobox', { name: 'Stage' }).waitFor();
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(400);
  await screenshot(page, 'deal-page-400');
  await page.setViewportSize({ width: 1366, height: 900 });

  // Delete from the page: back to the list, and Undo (by its accessible name) brings the deal back.
  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete Fleet tracking?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByRole('heading', { name: 'Opportunities', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { name: 'Fleet tracking', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Amount €25,000.00' }).waitFor();
  expect(problems).toEqual([]);
}, 180_000);
