import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../server/app';
import { createDevTokenIssuer } from '../server/auth/dev-token-issuer';
import { createTokenVerifier } from '../server/auth/token-verifier';
import { createLogger } from '../server/http/logging';
import { writeBundle } from '../server/bundle/browser-bundle';
import { testStorage } from '../server/testing/test-server';

/**
 * The whole slice, end to end: the real tab server over the run's Azurite with dev tokens, the real
 * bundle, Debian's Chromium. Everything is found by role and accessible name, as a user would.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const CLIENT_ID = 'pipeline-crm-e2e';

let browser: Browser;
let server: ReturnType<ReturnType<typeof createApp>['listen']>;
let base: string;

beforeAll(async () => {
  const [deps, devTokens] = await Promise.all([
    testStorage(),
    createDevTokenIssuer(CLIENT_ID),
    writeBundle(), // always today's source, not a bundle left from an older checkout
  ]);
  const app = createApp({
    app: deps,
    verifier: createTokenVerifier({ keys: devTokens.keys, clientId: CLIENT_ID }),
    devTokens,
    logger: createLogger('silent'),
    ready: async () => undefined,
  });
  await new Promise<void>((listening) => {
    server = app.listen(0, '127.0.0.1', () => listening());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  // launch() gives every run a fresh temporary profile (user-data-dir) and removes it on close.
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
});

async function createLead(page: Page, lead: { first: string; last: string; company: string; email: string }) {
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByRole('textbox', { name: /^First name/ }).fill(lead.first);
  await dialog.getByRole('textbox', { name: /^Last name/ }).fill(lead.last);
  await dialog.getByRole('textbox', { name: /^Company/ }).fill(lead.company);
  await dialog.getByRole('textbox', { name: /^Email/ }).fill(lead.email);
  await dialog.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Trade show' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

it('signs in, creates a workspace and leads, searches and converts one', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(base + '/tab');

  // Sign in through the local form (dev tokens).
  await page.getByRole('textbox', { name: /^Tenant id/ }).fill('aaaaaaaa-0000-4000-8000-0000000000e2');
  await page.getByRole('textbox', { name: /^User id/ }).fill('erin');
  await page.getByRole('textbox', { name: /^Name/ }).fill('Erin E2E');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as Erin E2E').waitFor();

  // A new user has no workspace: create one, which opens it.
  await page.getByText('You are not a member of any workspace yet.', { exact: false }).waitFor();
  await page.getByRole('textbox', { name: 'New workspace name' }).fill('Sales NL');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('heading', { name: 'Leads' }).waitFor();
  await page.getByText('No leads match.').waitFor();

  // The dialog checks the shared schema before sending anything.
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByRole('textbox', { name: /^Email/ }).fill('not-an-email');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText('This field is required.').waitFor();
  await dialog.getByText('Enter a valid email address.').waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });

  await createLead(page, {
    first: 'Pieter',
    last: 'Jansen',
    company: 'Jansen Transport BV',
    email: 'p@jansen.nl',
  });
  await createLead(page, { first: 'Ana', last: 'Souza', company: 'Souza Ltda', email: 'ana@souza.com.br' });
  const table = page.getByRole('table', { name: 'Leads' });
  const pieter = table.getByRole('row').filter({ hasText: 'Pieter Jansen' });
  const ana = table.getByRole('row').filter({ hasText: 'Ana Souza' });
  await pieter.waitFor();
  await ana.waitFor();
  await pieter.getByRole('cell', { name: 'Trade show' }).waitFor();
  await pieter.getByRole('cell', { name: 'Open – Not Contacted' }).waitFor();

  // Search narrows the list (debounced, server-side q).
  await page.getByRole('searchbox', { name: 'Search leads' }).fill('Jansen');
  await ana.waitFor({ state: 'detached' });
  await pieter.waitFor();

  // Convert: the result is announced and the status follows.
  await pieter.getByRole('button', { name: 'Convert Pieter Jansen' }).click();
  const convert = page.getByRole('dialog', { name: 'Convert Pieter Jansen' });
  await convert.getByRole('radio', { name: /^Create a new organisation/ }).waitFor();
  await convert.getByRole('button', { name: 'Convert' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Pieter Jansen was converted into' });
  await status.waitFor();
  expect(await status.textContent()).toContain('Jansen Transport BV');
  await pieter.getByRole('cell', { name: 'Closed – Converted' }).waitFor();
  expect(await pieter.getByRole('button', { name: /^Convert/ }).count()).toBe(0);

  // The status filter asks the server for converted leads only.
  await page.getByRole('searchbox', { name: 'Search leads' }).fill('');
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Closed – Converted' });
  await ana.waitFor({ state: 'detached' });
  await pieter.waitFor();

  expect(problems).toEqual([]);
}, 60_000);
