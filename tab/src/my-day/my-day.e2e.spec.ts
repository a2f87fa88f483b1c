import type { Page } from 'playwright-core';
import { devSignIn, screenshot, startE2e, type E2e } from '../../server/testing/e2e-harness';

/**
 * The day's work, end to end (real server on Azurite, real bundle, Chromium): log a call that was
 * done, plan the next one from the offer, find it on My day, tick it done and see it done.
 */
let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
}, 60_000);

afterAll(async () => {
  await e2e?.close();
});

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

it('logs a done call, plans the next, finds it on My day and marks it done', async () => {
  const { page, problems } = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(e2e.base + '/tab');
  await devSignIn(page, {
    tenantId: 'aaaaaaaa-0000-4000-8000-0000000000d1',
    userId: 'dora',
    name: 'Dora Day',
  });
  await page.getByRole('textbox', { name: 'New workspace name' }).fill('Fjordlys sales');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  // The workspace opens on My day, first in the navigation.
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  await page.getByText('Nothing overdue.').waitFor();
  expect(await views(page).getByRole('link').first().textContent()).toBe('My day');

  await views(page).getByRole('link', { name: 'Leads' }).click();
  await page.getByRole('button', { name: 'New lead' }).click();
  const leadDialog = page.getByRole('dialog', { name: 'New lead' });
  await leadDialog.getByRole('textbox', { name: /^First name/ }).fill('Kari');
  await leadDialog.getByRole('textbox', { name: /^Last name/ }).fill('Nordmann');
  await leadDialog.getByRole('textbox', { name: /^Company/ }).fill('Fjordlys Logistikk');
  await leadDialog.getByRole('button', { name: 'Create' }).click();
  await leadDialog.waitFor({ state: 'hidden' });
  await page.getByRole('link', { name: 'Kari Nordmann' }).click();
  await page.getByRole('heading', { name: 'Kari Nordmann', level: 2 }).waitFor();

  // Log a call as it happened: Done is ticked and When is now; the server takes it as it is.
  await page.getByRole('button', { name: 'New activity' }).click();
  const log = page.getByRole('dialog', { name: 'New activity' });
  expect(await log.getByRole('checkbox', { name: 'Done' }).isChecked()).toBe(true);
  await log.getByRole('textbox', { name: /^Subject/ }).fill('Intro call with Kari');
  await log.getByRole('button', { name: 'Create' }).click();
  await log.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: 'Intro call with Kari was logged.' }).waitFor();

  // Plan the next one from the offer: already about Kari, planned (not done), for a full hour.
  await page.getByRole('button', { name: 'Plan next activity' }).click();
  const plan = page.getByRole('dialog', { name: 'Plan the next activity for Kari Nordmann' });
  expect(await plan.getByRole('checkbox', { name: 'Done' }).isChecked()).toBe(false);
  expect(await plan.getByLabel(/^Due/).inputValue()).toMatch(/T\d\d:00$/);
  await plan.getByRole('textbox', { name: /^Subject/ }).fill('Send Kari the offer');
  await plan.getByRole('button', { name: 'Create' }).click();
  await plan.waitFor({ state: 'hidden' });

  // It is on My day, named with the lead it is about.
  await views(page).getByRole('link', { name: 'My day' }).click();
  const next = page.getByRole('checkbox', { name: 'Send Kari the offer' });
  await next.waitFor();
  await page
    .getByRole('listitem')
    .filter({ has: next })
    .getByRole('link', { name: 'Kari Nordmann' })
    .waitFor();
  await screenshot(page, 'my-day-1366');
  await page.setViewportSize({ width: 400, height: 900 });
  await screenshot(page, 'my-day-400');
  await page.setViewportSize({ width: 1366, height: 900 });

  // One click: done at once, still shown (checked) after the server answered and My day was read again.
  await next.check();
  await page.getByRole('status').filter({ hasText: 'Send Kari the offer is done.' }).waitFor();
  await page.getByRole('button', { name: 'Plan next activity' }).waitFor();
  expect(await next.isChecked()).toBe(true);

  // The lead's page shows it done too.
  await page.getByRole('listitem').filter({ has: next }).getByRole('link', { name: 'Kari Nordmann' }).click();
  const timeline = page.getByRole('list', { name: 'Activities' });
  await timeline
    .getByRole('listitem')
    .filter({ hasText: 'Send Kari the offer' })
    .filter({ hasText: 'Done ·' })
    .waitFor();
  expect(problems).toEqual([]);
}, 120_000);
