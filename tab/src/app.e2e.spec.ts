import type { Page } from 'playwright-core';
import { devSignIn, startE2e, type E2e } from '../server/testing/e2e-harness';

/**
 * The leads slice, end to end: the real tab server over the run's Azurite with dev tokens, the real
 * bundle, Debian's Chromium. Everything is found by role and accessible name, as a user would.
 */
let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 60_000);

afterAll(async () => {
  await e2e?.close();
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
  const { page, problems } = await e2e.newPage();
  await page.goto(e2e.base + '/tab');
  await devSignIn(page, {
    tenantId: 'aaaaaaaa-0000-4000-8000-0000000000e2',
    userId: 'erin',
    name: 'Erin E2E',
  });

  // A new user has no workspace: create one, which opens it.
  await page.getByText('You are not a member of any workspace yet.', { exact: false }).waitFor();
  await page.getByRole('textbox', { name: 'New workspace name' }).fill('Sales NL');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  // It opens on My day; the leads are one link away.
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Leads' }).click();
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
  await pieter.getByRole('button', { name: 'Actions for Pieter Jansen' }).click();
  await page.getByRole('menuitem', { name: 'Convert' }).click();
  const convert = page.getByRole('dialog', { name: 'Convert Pieter Jansen' });
  await convert.getByRole('radio', { name: /^Create a new organisation/ }).waitFor();
  await convert.getByRole('button', { name: 'Convert' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Pieter Jansen was converted into' });
  await status.waitFor();
  expect(await status.textContent()).toContain('Jansen Transport BV');
  await pieter.getByRole('cell', { name: 'Closed – Converted' }).waitFor();
  // A converted lead is read-only: its menu offers no conversion any more.
  await pieter.getByRole('button', { name: 'Actions for Pieter Jansen' }).click();
  await page.getByRole('menuitem', { name: 'Open' }).waitFor();
  expect(await page.getByRole('menuitem', { name: 'Convert' }).count()).toBe(0);
  await page.keyboard.press('Escape');

  // The status filter asks the server for converted leads only.
  await page.getByRole('searchbox', { name: 'Search leads' }).fill('');
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Closed – Converted' });
  await ana.waitFor({ state: 'detached' });
  await pieter.waitFor();

  expect(problems).toEqual([]);
}, 60_000);
