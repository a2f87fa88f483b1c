/** @jest-environment jsdom */
import type { Lead } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { XLSX_TYPE } from '../api/api-client';
import { fakeApi } from '../testing/fake-api';
import { bytesOf } from './import-file';
import { renderView } from '../testing/render-view';
import { ImportDialog } from './ImportDialog';

/** A Salesforce lead report: "Seminar - Internal" is an event by the synonym table, "Shoe Size" no field of ours. */
const SALESFORCE = [
  'First Name,Last Name,Company,Email,Lead Source,Lead Status,Shoe Size',
  'Ørjan,Ødegård,Ødegård Fiskeri AS,orjan@fisk.no,Seminar - Internal,Open - Not Contacted,44',
  'João,Gonçalves,Gonçalves Lda,joao@lda.pt,Web,Working - Contacted,41',
].join('\r\n');

let fake: Awaited<ReturnType<typeof fakeApi>>;

/** Opens the dialog for `kind` and picks a file with `text`; gives the dialog once its preview lists values. */
async function previewed(kind: 'lead' | 'opportunity', title: string, text: string) {
  const user = userEvent.setup({ delay: null });
  renderView(<ImportDialog workspaceId="ws" kind={kind} pollMs={20} />, fake.api);
  await user.click(screen.getByRole('button', { name: 'Import CSV' }));
  const dialog = await screen.findByRole('dialog', { name: title });
  await user.upload(
    within(dialog).getByLabelText('CSV file'),
    new File([text], 'file.csv', { type: 'text/csv' }),
  );
  const values = await within(dialog).findByRole('list', { name: 'Values' });
  return { user, dialog, values };
}
afterEach(async () => {
  await fake?.close();
});

describe('ImportDialog: value mappings in the preview', () => {
  it('given another source picked for a file value, then the imported lead carries the value picked', async () => {
    fake = await fakeApi({ imports: true });
    // The preview: what the file's value becomes by itself, with the values of ours to pick instead.
    const { user, dialog, values } = await previewed('lead', 'Import leads from CSV', SALESFORCE);
    expect(within(values).getByText(/source "Seminar - Internal" → event \(1 rows\)/)).toBeTruthy();
    const pick = within(values).getByRole('combobox', { name: 'source "Seminar - Internal" becomes' });
    await user.selectOptions(pick, 'trade-show');
    // Checked again with the answer: the preview now says it was chosen.
    await within(values).findByText(/source "Seminar - Internal" → trade-show/);
    expect(fake.bodiesOf('POST', `/imports/previews/${previewIdOf(fake.sent)}`).at(-1)).toEqual({
      mapping: { columns: {}, values: { source: { 'Seminar - Internal': 'trade-show' } } },
    });

    await user.click(within(dialog).getByRole('button', { name: 'Import 2 rows' }));
    await within(dialog).findByText('2 created, 0 updated, 0 skipped, 0 not imported.');
    const leads = await fake.stored('lead');
    const byEmail = new Map(leads.map((l: Lead) => [l.email, l] as const));
    expect(byEmail.get('orjan@fisk.no')).toMatchObject({ source: 'trade-show', lastName: 'Ødegård' });
    // The value not answered keeps what the import finds itself.
    expect(byEmail.get('joao@lda.pt')).toMatchObject({ source: 'web', status: 'working-contacted' });
    const started = fake.bodiesOf('POST', '/imports').at(-1) as { mapping: unknown };
    expect(started.mapping).toEqual({
      columns: {},
      values: { source: { 'Seminar - Internal': 'trade-show' } },
    });
  });

  it('given a stage the workspace does not have, then the preview asks and the deal gets the stage answered', async () => {
    fake = await fakeApi({ imports: true });
    await fake.add('organisations', { name: 'Ødegård Fiskeri AS', status: 'customer' });
    const { user, dialog, values } = await previewed(
      'opportunity',
      'Import opportunities from CSV',
      'Opportunity Name,Account Name,Stage,Amount\r\nNets 2027,Ødegård Fiskeri AS,Verbal Commitment,12000',
    );
    expect(within(values).getByText(/stage "Verbal Commitment" is not one of this workspace's/)).toBeTruthy();
    await user.selectOptions(
      within(values).getByRole('combobox', { name: 'stage "Verbal Commitment" becomes' }),
      'negotiation',
    );
    await within(values).findByText(/stage "Verbal Commitment" → negotiation/);
    await user.click(within(dialog).getByRole('button', { name: 'Import 1 rows' }));
    await within(dialog).findByText('1 created, 0 updated, 0 skipped, 0 not imported.');
    await waitFor(async () =>
      expect((await fake.stored('opportunity')).map((o) => o.stage)).toEqual(['negotiation']),
    );
  });
});

describe('ImportDialog: the rows not imported from a workbook', () => {
  /** A Salesforce lead report saved as .xlsx: a number, an Excel date, a blank sheet row, a bad email, a repeated one. */
  async function workbook(): Promise<File> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Leads report');
    sheet.addRow(['First Name', 'Last Name', 'Company', 'Email', 'Annual Revenue', 'Created Date']);
    sheet.addRow([
      'Ørjan',
      'Ødegård',
      'Ødegård Fiskeri AS',
      'orjan@fisk.no',
      1200000,
      new Date(Date.UTC(2024, 2, 5)),
    ]);
    sheet.getCell('F2').numFmt = 'dd/mm/yyyy';
    // Sheet row 3 is left blank; 4 has no email address, 5 the email of row 2.
    sheet.getRow(4).values = ['Kari', 'Nordmann', 'Nordmann; Sønn', 'kari-at-nordmann', 250000.5, '5/3/2024'];
    sheet.getRow(5).values = ['Ana', 'Again', 'Gonçalves Lda', 'orjan@fisk.no', '', ''];
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    return new File([bytes], 'salesforce leads.xlsx', { type: XLSX_TYPE });
  }

  let saved: Blob[] = [];
  beforeEach(() => {
    saved = [];
    // jsdom has no object URLs: the download's file is kept instead.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        saved.push(blob);
        return 'blob:saved';
      },
      revokeObjectURL: () => undefined,
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it("given an .xlsx with a bad row and a duplicate, then the error file holds those rows' cells as the sheet had them, their numbers and why", async () => {
    fake = await fakeApi({ imports: true });
    const user = userEvent.setup({ delay: null });
    renderView(<ImportDialog workspaceId="ws" kind="lead" pollMs={20} />, fake.api);
    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import leads from CSV' });
    // Beside the picker: what is read, and the limits (the server's, formatted for the reader).
    within(dialog).getByText(
      'A CSV, TSV or text file (separated by commas, semicolons or tabs; UTF-8, UTF-16 or Windows-1252) or an ' +
        'Excel workbook (.xlsx, its first sheet), with the column names in the first row: an export of ours, ' +
        'Salesforce, HubSpot or Pipedrive, or your own. At most 50 MB, 1,000 columns and, in a workbook, 200,000 rows.',
    );
    await user.upload(within(dialog).getByLabelText('CSV file'), await workbook());
    await within(dialog).findByText('Only the first sheet, Leads report, is read (the workbook has 1).');
    await user.click(within(dialog).getByRole('button', { name: 'Import 3 rows' }));
    const result = await within(dialog).findByRole('status');
    await within(result).findByText('1 created, 0 updated, 1 skipped, 1 not imported.');

    await user.click(within(result).getByRole('button', { name: 'Download the rows not imported' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const text = new TextDecoder().decode(await bytesOf(saved[0]!));
    const records = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(records).toEqual([
      ['Row', 'Reason', 'First Name', 'Last Name', 'Company', 'Email', 'Annual Revenue', 'Created Date'],
      [
        '4',
        'Email is not an email address: "kari-at-nordmann".',
        'Kari',
        'Nordmann',
        'Nordmann; Sønn',
        'kari-at-nordmann',
        '250000.5',
        '5/3/2024',
      ],
      [
        '5',
        expect.stringMatching(/^Already here \(orjan@fisk\.no\)/),
        'Ana',
        'Again',
        'Gonçalves Lda',
        'orjan@fisk.no',
      ],
    ]);
    // The workbook went to the server twice: the preview, and its sheet read back for the file.
    expect(fake.sent.filter((s) => s.method === 'POST' && s.path === '/imports/workbook-sheet')).toHaveLength(
      1,
    );
  });
});

function previewIdOf(sent: readonly { method: string; path: string; body?: unknown }[]): string {
  const path = sent.find((s) => s.method === 'POST' && /^\/imports\/previews\/[^/]+$/.test(s.path))?.path;
  return path?.split('/').at(-1) ?? '';
}
