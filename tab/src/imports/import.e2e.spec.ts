import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { devSignIn, startE2e, type E2e } from '../../server/testing/e2e-harness';

/**
 * A team moves from Salesforce: its lead report (labels as Salesforce writes them, columns we do not
 * have, picklist values we do not know, a converted lead, a bad email, a repeated email, a note over
 * two lines, a BOM, `;` as Excel in nl writes it) goes through the tab's preview into a background
 * job, and every row ends up imported, skipped or reported, with a file of the rest to download.
 * The real server (CSV routes, worker) over Azurite, the real bundle, Chromium.
 */
let e2e: E2e;

beforeAll(async () => {
  // Files over 10 rows become a job, so the progress and the job's result are what the user sees.
  e2e = await startE2e({ inlineMaxRows: 10 });
}, 60_000);

afterAll(async () => {
  await e2e?.close();
});

const HEADER = [
  'Salutation',
  'First Name',
  'Last Name',
  'Company',
  'Title',
  'Email',
  'Phone',
  'Lead Source',
  'Lead Status',
  'Industry',
  'Annual Revenue',
  'City',
  'Country',
  'Email Opt Out',
  'Description',
];

const SOURCES = ['Advertisement', 'Seminar - Internal', 'Employee Referral', 'Web', 'Trade Show'];
const STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Not Converted'];
const PEOPLE: readonly (readonly [string, string, string, string])[] = [
  ['Ørjan', 'Ødegård', 'Ødegård Fiskeri AS', 'Tromsø'],
  ['João', 'Gonçalves', 'Gonçalves Lda', 'Lisboa'],
  ['Zoë', 'van Dijk', 'Van Dijk Bouw', 'Utrecht'],
];

function salesforceLeads(): string[][] {
  const rows = Array.from({ length: 24 }, (_, i) => {
    const [first, last, company, city] = PEOPLE[i % PEOPLE.length]!;
    return [
      'Mr.',
      first,
      `${last} ${i + 1}`,
      company,
      'Inkoper',
      `lead${i + 1}@example.com`,
      '+31 20 555 0101',
      SOURCES[i % SOURCES.length]!,
      STATUSES[i % STATUSES.length]!,
      'Transportation',
      '1.200.000',
      city,
      'Netherlands',
      '0',
      i === 0 ? 'Met at the fair;\nwants a call back' : '',
    ];
  });
  // Row 26: converted in Salesforce; 27: not an email; 28: the email of row 2 again.
  const bare = (first: string, last: string, email: string, status: string) =>
    HEADER.map(
      (column) =>
        ({ 'First Name': first, 'Last Name': last, Email: email, 'Lead Status': status })[column] ?? '',
    );
  rows.push(bare('Maria', 'Convertida', 'maria@x.pt', 'Closed - Converted'));
  rows.push(bare('Kari', 'Nordmann', 'kari-at-nordmann', 'Open - Not Contacted'));
  rows.push(bare('Ana', 'Again', 'lead1@example.com', 'Open - Not Contacted'));
  return [HEADER, ...rows];
}

/** A new person's new workspace, on its leads list, in a page that keeps downloads. */
async function onLeads(tenantId: string, userId: string, name: string) {
  const opened = await e2e.newPage({ acceptDownloads: true });
  const { page } = opened;
  await page.goto(e2e.base + '/tab');
  await devSignIn(page, { tenantId, userId, name });
  await page.getByRole('textbox', { name: 'New workspace name' }).fill('Vendas');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  // It opens on My day; the leads are one link away.
  await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Leads' }).click();
  await page.getByRole('heading', { name: 'Leads' }).waitFor();
  return opened;
}

/** The records of the file of rows not imported that `click` downloads. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<string[][]> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const saved = Buffer.concat(chunks).toString('utf8');
  return Papa.parse<string[]>(saved.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

it("imports a Salesforce lead report through the tab's preview: every row imported, skipped or reported, and an error file", async () => {
  const { page, problems } = await onLeads('aaaaaaaa-0000-4000-8000-0000000000e3', 'ines', 'Inês E2E');

  const csv = '\uFEFF' + Papa.unparse(salesforceLeads(), { delimiter: ';', newline: '\r\n' });
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import leads from CSV' });
  await dialog
    .getByLabel('CSV file')
    .setInputFiles({ name: 'salesforce-leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

  // The preview: each column's detected field, the unknown ones not imported, values mapped.
  await dialog
    .getByText('27 rows. Check what each column becomes; nothing is written yet.', { exact: true })
    .waitFor();
  const fieldOf = (column: string) => dialog.getByRole('combobox', { name: `Imported as, for ${column}` });
  expect(await fieldOf('Lead Source').inputValue()).toBe('source');
  expect(await fieldOf('Lead Status').inputValue()).toBe('status');
  expect(await fieldOf('Annual Revenue').inputValue()).toBe('annualRevenue');
  expect(await fieldOf('Salutation').inputValue()).toBe('');
  expect(await fieldOf('Email Opt Out').inputValue()).toBe('');
  await dialog.getByText('Columns not imported: Salutation, Email Opt Out.', { exact: true }).waitFor();
  const values = dialog.getByRole('list', { name: 'Values' });
  await values.getByText(/^source "Advertisement" → other/).waitFor();
  await values.getByText(/^status "Working - Contacted" → working-contacted/).waitFor();
  const firstRows = dialog.getByRole('list', { name: 'First rows' });
  await firstRows.getByText(/^Row 2: new$/).waitFor();

  // The user keeps the title out: the preview is checked again with the change.
  await fieldOf('Title').selectOption({ label: "Don't import" });
  await dialog
    .getByText('Columns not imported: Salutation, Title, Email Opt Out.', { exact: true })
    .waitFor();
  expect(await fieldOf('Title').inputValue()).toBe('');

  await dialog.getByRole('button', { name: 'Import 27 rows' }).click();
  const result = dialog.getByRole('status');
  await result
    .getByText('24 created, 0 updated, 2 skipped, 1 not imported.', { exact: true })
    .waitFor({ timeout: 60_000 });
  await result.getByText(/^Columns not imported: Salutation, Title, Email Opt Out/).waitFor();
  await result.getByText(/^Row 26: Converted in the old system/).waitFor();
  await result
    .getByText('Row 27: Email is not an email address: "kari-at-nordmann".', { exact: true })
    .waitFor();
  await result.getByText('Row 28: Already here (lead1@example.com).', { exact: true }).waitFor();

  const records = await downloaded(page, () =>
    result.getByRole('button', { name: 'Download the rows not imported' }).click(),
  );
  expect(records[0]).toEqual(['Row', 'Reason', ...HEADER]);
  expect(records.slice(1).map((r) => [r[0], r[1]?.slice(0, 30), r[7]])).toEqual([
    ['26', 'Converted in the old system: i', 'maria@x.pt'],
    ['27', 'Email is not an email address:', 'kari-at-nordmann'],
    ['28', 'Already here (lead1@example.co', 'lead1@example.com'],
  ]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The leads are in, names intact, found without their accents; the first lead's note kept whole.
  await page.getByRole('searchbox', { name: 'Search leads' }).fill('odegard');
  const table = page.getByRole('table', { name: 'Leads' });
  await table.getByRole('row').filter({ hasText: 'Ørjan Ødegård 1' }).first().waitFor();
  expect(problems).toEqual([]);
}, 180_000);

it('imports the same report saved as .xlsx: the file of rows not imported holds their cells as the sheet showed them', async () => {
  const { page, problems } = await onLeads('aaaaaaaa-0000-4000-8000-0000000000e4', 'zoe', 'Zoë E2E');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Leads report');
  sheet.addRow(HEADER);
  for (const row of salesforceLeads().slice(1)) sheet.addRow(row);
  // A number as a number: the file repeats it as the import read it.
  sheet.getCell('K2').value = 1200000;
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import leads from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles({
    name: 'salesforce-leads.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  });
  await dialog.getByText('Only the first sheet, Leads report, is read (the workbook has 1).').waitFor();
  await dialog.getByRole('button', { name: 'Import 27 rows' }).click();
  const result = dialog.getByRole('status');
  await result
    .getByText('24 created, 0 updated, 2 skipped, 1 not imported.', { exact: true })
    .waitFor({ timeout: 60_000 });
  const records = await downloaded(page, () =>
    result.getByRole('button', { name: 'Download the rows not imported' }).click(),
  );
  expect(records[0]).toEqual(['Row', 'Reason', ...HEADER]);
  expect(records.slice(1).map((r) => [r[0], r[1]?.slice(0, 30), r[3], r[4], r[7]])).toEqual([
    ['26', 'Converted in the old system: i', 'Maria', 'Convertida', 'maria@x.pt'],
    ['27', 'Email is not an email address:', 'Kari', 'Nordmann', 'kari-at-nordmann'],
    ['28', 'Already here (lead1@example.co', 'Ana', 'Again', 'lead1@example.com'],
  ]);
  expect(problems).toEqual([]);
}, 180_000);
