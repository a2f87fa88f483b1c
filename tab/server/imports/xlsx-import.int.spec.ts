import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Lead } from '@crm/shared';
import { ALICE, workspaceWith } from '../testing/test-server';
import { startCsvTestServer, type CsvTestServer } from '../testing/csv-test-server';
import { spoolDir } from './import-files';
import { XLSX_TYPE } from './xlsx-file';

/**
 * An Excel workbook (.xlsx) goes through the same preview and import as a CSV (issue 21 item 6):
 * its first sheet, Excel dates and dates written as text, ø/ã/ë intact; a zip bomb is a 413 naming
 * the limit, a file that is no workbook a 400, never a 5xx.
 */
let server: CsvTestServer;
beforeAll(async () => {
  server = await startCsvTestServer({ inlineMaxRows: 50 });
});
afterAll(() => server.worker.stop());

const SALESFORCE = [
  'First Name',
  'Last Name',
  'Company',
  'Email',
  'Lead Source',
  'Lead Status',
  'Created Date',
];

async function salesforceWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Leads report');
  sheet.addRow(SALESFORCE);
  // An Excel date (a serial day with a date format), and a date as Salesforce writes it in text.
  sheet.addRow([
    'Ørjan',
    'Ødegård',
    'Ødegård Fiskeri AS',
    'orjan@fisk.no',
    'Seminar - Internal',
    'Open - Not Contacted',
    new Date(Date.UTC(2024, 2, 5)),
  ]);
  sheet.getCell('G2').numFmt = 'dd/mm/yyyy';
  sheet.addRow([
    'João',
    'Gonçalves',
    'Gonçalves Lda',
    'joao@lda.pt',
    'Advertisement',
    'Working - Contacted',
    '3/7/2024',
  ]);
  sheet.addRow(['Zoë', 'van Dijk', 'Van Dijk Bouw', 'zoe@dijk.nl', 'Web', 'Open - Not Contacted', '']);
  // A second sheet is not read.
  workbook.addWorksheet('Notes').addRow(['Last Name', 'Email']).commit?.();
  workbook.getWorksheet('Notes')!.addRow(['Ignored', 'ignored@x.nl']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const send = async (ws: string, path: string, body: Buffer, type = XLSX_TYPE) =>
  server.http
    .post(`/api/v1/workspaces/${ws}${path}`)
    .set('Authorization', `Bearer ${await server.tokenFor(ALICE)}`)
    .set('Content-Type', type)
    .send(body);

/** A zip whose one entry declares (and would inflate to) far more than any import reads: a bomb. */
function zipBomb(): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const size = 600 * 1024 * 1024;
  const data = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const body = Buffer.concat([local, name, data]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(body.length, 16);
  return Buffer.concat([body, central, name, end]);
}

describe('an .xlsx import', () => {
  it('given a Salesforce report saved as a workbook, then its first sheet previews and imports as the CSV would', async () => {
    const ws = await workspaceWith(server, ALICE);
    const preview = await send(ws, '/imports/previews?kind=lead', await salesforceWorkbook());
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ total: 3, sheet: { name: 'Leads report', count: 2 }, missing: [] });
    expect(preview.body.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'firstName',
      'lastName',
      'company',
      'email',
      'source',
      'status',
      'createdAt',
    ]);
    const imported = await server.http
      .post(`/api/v1/workspaces/${ws}/imports`)
      .set('Authorization', `Bearer ${await server.tokenFor(ALICE)}`)
      .send({ previewId: preview.body.id, mapping: { dateOrder: 'mdy' } });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 3, errors: 0, skipped: 0 });
    const leads = new Map<string, Lead>();
    for await (const { record } of server.deps.records.scan(ws, 'lead'))
      leads.set(record.email ?? '', record);
    expect(leads.get('orjan@fisk.no')).toMatchObject({
      firstName: 'Ørjan',
      lastName: 'Ødegård',
      source: 'event',
    });
    expect(leads.get('orjan@fisk.no')?.createdAt).toMatch(/^2024-03-05/);
    expect(leads.get('joao@lda.pt')).toMatchObject({
      firstName: 'João',
      source: 'other',
      status: 'working-contacted',
    });
    expect(leads.get('joao@lda.pt')?.createdAt).toMatch(/^2024-03-07/);
    expect(leads.get('zoe@dijk.nl')).toMatchObject({ firstName: 'Zoë', company: 'Van Dijk Bouw' });
    expect(leads.has('ignored@x.nl')).toBe(false);
  });

  it('given a zip bomb, then 413 IMPORT.WORKBOOK_TOO_LARGE names the limit and no file is left', async () => {
    const ws = await workspaceWith(server, ALICE);
    const res = await send(ws, '/imports/previews?kind=lead', zipBomb());
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      code: 'IMPORT.WORKBOOK_TOO_LARGE',
      details: { limit: 'uncompressed-bytes', max: 512 * 1024 * 1024 },
    });
    const direct = await send(ws, '/leads/import', zipBomb());
    expect(direct.status).toBe(413);
    expect(await readdir(join(spoolDir(server.dataDir), ws)).catch(() => [])).toEqual([]);
  });

  it('given rows past the cap, then 413 names the rows limit; given bytes that are no workbook, then 400', async () => {
    const small = await startCsvTestServer({ inlineMaxRows: 50, xlsxLimits: { maxRows: 2 } });
    try {
      const ws = await workspaceWith(small, ALICE);
      const res = await small.http
        .post(`/api/v1/workspaces/${ws}/imports/previews?kind=lead`)
        .set('Authorization', `Bearer ${await small.tokenFor(ALICE)}`)
        .set('Content-Type', XLSX_TYPE)
        .send(await salesforceWorkbook());
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        code: 'IMPORT.WORKBOOK_TOO_LARGE',
        details: { limit: 'rows', max: 2 },
      });
    } finally {
      await small.worker.stop();
    }
    const ws = await workspaceWith(server, ALICE);
    const junk = await send(ws, '/imports/previews?kind=lead', Buffer.from('Last Name\r\nNot a zip\r\n'));
    expect(junk.status).toBe(400);
    expect(junk.body.code).toBe('IMPORT.UNREADABLE_WORKBOOK');
  });
});
