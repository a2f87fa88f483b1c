import type { Page } from 'playwright-core';
import { axeFindings, devSignIn, screenshot, startE2e, type E2e } from '../server/testing/e2e-harness';

/**
 * A salesperson's first morning, in Chromium: sign in, open a workspace, add a lead, convert it into
 * the organisation the app suggests, follow the links between the records, log a call. Every view
 * gets an axe scan and a screenshot in light and dark theme (tab/test-artifacts/).
 */
let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 60_000);

afterAll(async () => {
  await e2e?.close();
});

const USER = { tenantId: 'aaaaaaaa-0000-4000-8000-0000000000e3', userId: 'jo', name: 'Jo Journey' };

/** Opens a view through its address, as a Teams deep link or a bot's link would. */
async function open(page: Page, workspaceId: string, path: string, heading: string) {
  await page.evaluate((hash) => (window.location.hash = hash), `#/w/${workspaceId}/${path}`);
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
}

const VIEWS: ReadonlyArray<[path: string, heading: string]> = [
  ['leads', 'Leads'],
  ['my-day', 'My day'],
  ['organisations', 'Organisations'],
  ['contacts', 'Contacts'],
  ['campaigns', 'Campaigns'],
  ['activities', 'Activities'],
  ['settings', 'Settings'],
  ['recycle-bin', 'Recycle bin'],
];

it('adds a lead and converts it into the suggested organisation; every view passes axe', async () => {
  const { page, problems } = await e2e.newPage();
  await page.goto(e2e.base + '/tab');
  await devSignIn(page, USER);
  await page.getByRole('textbox', { name: 'New workspace name' }).fill('Journey BV');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  const workspaceId = /#\/w\/([^/]+)\//.exec(page.url())?.[1] ?? '';
  expect(workspaceId).not.toBe('');

  // An organisation the team already knows.
  const nav = page.getByRole('navigation', { name: 'Views' });
  await nav.getByRole('link', { name: 'Organisations' }).click();
  await page.getByRole('heading', { name: 'Organisations', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'New organisation' }).click();
  const orgDialog = page.getByRole('dialog', { name: 'New organisation' });
  await orgDialog.getByRole('textbox', { name: /^Name/ }).fill('Jansen Transport BV');
  await orgDialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('link', { name: 'Jansen Transport BV' }).waitFor();

  // A lead from the same company.
  await nav.getByRole('link', { name: 'Leads' }).click();
  await page.getByRole('button', { name: 'New lead' }).click();
  const leadDialog = page.getByRole('dialog', { name: 'New lead' });
  await leadDialog.getByRole('textbox', { name: /^First name/ }).fill('Pieter');
  await leadDialog.getByRole('textbox', { name: /^Last name/ }).fill('Jansen');
  await leadDialog.getByRole('textbox', { name: /^Company/ }).fill('Jansen Transport BV');
  await leadDialog.getByRole('textbox', { name: /^Email/ }).fill('pieter@jansen.nl');
  await leadDialog.getByRole('button', { name: 'Create' }).click();
  await leadDialog.waitFor({ state: 'hidden' });

  // Convert: the existing organisation is suggested, and chosen.
  await page.getByRole('button', { name: 'Actions for Pieter Jansen' }).click();
  await page.getByRole('menuitem', { name: 'Convert' }).click();
  const convert = page.getByRole('dialog', { name: 'Convert Pieter Jansen' });
  await convert.getByRole('radio', { name: /^Use Jansen Transport BV/ }).check();
  await convert.getByRole('spinbutton', { name: 'Amount' }).fill('25000');
  expect(await axeFindings(page)).toEqual([]);
  await screenshot(page, 'convert-dialog-light');
  await convert.getByRole('button', { name: 'Convert' }).click();
  await page
    .getByText(/^Pieter Jansen was converted into Jansen Transport BV, contact Pieter Jansen/)
    .waitFor();
  await page
    .getByRole('row')
    .filter({ hasText: 'Pieter Jansen' })
    .getByRole('cell', { name: 'Closed – Converted' })
    .waitFor();

  // The organisation now has the contact and the deal; log a call on it.
  await open(page, workspaceId, 'organisations', 'Organisations');
  await page.getByRole('link', { name: 'Jansen Transport BV' }).click();
  await page.getByRole('heading', { name: 'Jansen Transport BV', level: 2 }).waitFor();
  await page
    .getByRole('table', { name: 'Contacts at Jansen Transport BV' })
    .getByRole('link', { name: 'Pieter Jansen' })
    .waitFor();
  await page
    .getByRole('table', { name: 'Opportunities with Jansen Transport BV' })
    .getByRole('row')
    .nth(1)
    .waitFor();
  await page.getByRole('button', { name: 'New activity' }).click();
  const log = page.getByRole('dialog', { name: 'New activity' });
  await log.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Call' });
  await log.getByRole('textbox', { name: /^Subject/ }).fill('Intro call');
  await log.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('list', { name: 'Activities' }).getByText('Call: Intro call').waitFor();
  expect(await axeFindings(page)).toEqual([]);
  await screenshot(page, 'organisation-light');

  for (const [path, heading] of VIEWS) {
    await open(page, workspaceId, path, heading);
    await page
      .getByRole('progressbar')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    expect([path, await axeFindings(page)]).toEqual([path, []]);
    await screenshot(page, `${path}-light`);
  }
  expect(problems).toEqual([]);

  // The same views in the dark theme (outside Teams the app follows the browser's preference).
  const dark = await e2e.newPage({ colorScheme: 'dark' });
  await dark.page.goto(`${e2e.base}/tab#/w/${workspaceId}/leads`);
  await devSignIn(dark.page, USER);
  for (const [path, heading] of VIEWS.slice(0, 5)) {
    await open(dark.page, workspaceId, path, heading);
    expect([path, await axeFindings(dark.page)]).toEqual([path, []]);
    await screenshot(dark.page, `${path}-dark`);
  }
  expect(dark.problems).toEqual([]);
}, 180_000);
