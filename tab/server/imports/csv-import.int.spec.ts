import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isImportJobFinished, queueImportJob, type ImportJob } from '@crm/shared';
import { ALICE, BOB, MALLORY, workspaceWith } from '../testing/test-server';
import {
  csvText,
  leadRows,
  startCsvTestServer,
  TEMPLATE,
  type CsvTestServer,
} from '../testing/csv-test-server';
import { jobFilePath } from './import-files';

let server: CsvTestServer;
let ws: string;
beforeAll(async () => {
  server = await startCsvTestServer({ inlineMaxRows: 50, maxBytes: 100_000 });
  ws = await workspaceWith(server, ALICE);
});
afterAll(() => server.worker.stop());

const leadCount = async (workspace: string): Promise<number> => {
  let n = 0;
  for await (const _ of server.deps.records.scan(workspace, 'lead')) n += 1;
  return n;
};

async function pollUntilFinished(location: string) {
  // Waits for the condition, up to a minute: a busy 2-core machine can take many seconds for 400 rows.
  for (let i = 0; i < 1200; i++) {
    const res = await server.getPath(ALICE, location);
    if (isImportJobFinished(res.body as ImportJob)) return res;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

describe('POST /leads/import', () => {
  it('imports a small file within the request, reporting duplicates and bad rows by row number', async () => {
    const own = await workspaceWith(server, ALICE);
    const res = await server.importCsv(
      ALICE,
      own,
      csvText([
        TEMPLATE,
        [
          'Sanne',
          'de Vries',
          'sanne@bakkerij.nl',
          'Bakkerij de Vries',
          'Eigenaar',
          "'+31 6 1234 5678",
          'trade-show',
          '',
        ],
        ['Kari', '', 'kari@fisk.no', '', '', '', '', ''],
        ['S.', 'de Vries', 'SANNE@bakkerij.nl', '', '', '', '', ''],
        ['Inês', 'Araújo', 'ines@texteis.pt', '', '', '', 'newspaper', ''],
      ]),
    );
    expect(res.status).toBe(200);
    // A source we do not know is no reason to refuse the row: it becomes `other`, the original kept.
    expect(res.body).toMatchObject({
      total: 4,
      created: 2,
      duplicateCount: 1,
      errorCount: 1,
      duplicates: [{ row: 4, email: 'sanne@bakkerij.nl', duplicateOfRow: 2 }],
      errorRows: [{ row: 3, field: 'lastName', code: 'required' }],
      skippedRows: [{ row: 4, reason: 'duplicate', matchedBy: 'email', duplicateOfRow: 2 }],
      valueMappings: [{ field: 'source', value: 'newspaper', to: 'other', how: 'fallback', count: 1 }],
    });
    const list = await server.getPath(ALICE, `/api/v1/workspaces/${own}/leads?q=vries`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        firstName: 'Sanne',
        phone: '+31 6 1234 5678',
        source: 'trade-show',
        ownerId: ALICE.userId,
      }),
    ]);
  });

  it('reports every row of a re-imported file as a duplicate of the lead it already made', async () => {
    const own = await workspaceWith(server, ALICE);
    const file = csvText([TEMPLATE, ...leadRows(10, 'again')]);
    expect((await server.importCsv(ALICE, own, file)).body.created).toBe(10);
    const again = await server.importCsv(ALICE, own, file);
    expect(again.body).toMatchObject({ total: 10, created: 0, duplicateCount: 10 });
    expect(again.body.duplicates[0]).toEqual({
      row: 2,
      email: 'again.0@example.com',
      existingLeadId: expect.any(String),
    });
    expect(await leadCount(own)).toBe(10);
  });

  it('runs a large file as a job: 202 with Location, then progress until completed', async () => {
    const own = await workspaceWith(server, ALICE);
    const res = await server.importCsv(ALICE, own, csvText([TEMPLATE, ...leadRows(400, 'big')]));
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/workspaces/${own}/imports/${res.body.id}`);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body).toMatchObject({
      status: 'queued',
      total: 400,
      processedRows: 0,
      createdBy: ALICE.userId,
    });

    const done = await pollUntilFinished(res.headers.location as string);
    expect(done.body).toMatchObject({
      status: 'completed',
      total: 400,
      processedRows: 400,
      created: 400,
      errorCount: 0,
    });
    expect(done.headers['retry-after']).toBeUndefined();
    expect(await leadCount(own)).toBe(400);
    // A background job of 400 leads: it waits for the job's completion, however busy the machine.
  }, 60_000);

  it('accepts what Excel saves in nl, nb and pt: semicolons and Windows-1252', async () => {
    const own = await workspaceWith(server, ALICE);
    const body = Buffer.from('lastName;Company\r\nØstby;Ærø Fisk\r\n', 'latin1');
    const res = await server.importCsv(ALICE, own, body);
    expect(res.body).toMatchObject({ created: 1 });
    const list = await server.getPath(ALICE, `/api/v1/workspaces/${own}/leads`);
    expect(list.body.items[0]).toMatchObject({ lastName: 'Østby', company: 'Ærø Fisk' });
  });

  it.each([
    ['an empty body', '', 400, 'IMPORT.EMPTY_FILE'],
    ['a header with no name column', 'email,Fax\r\np@x.nl,123\r\n', 400, 'IMPORT.INVALID_HEADER'],
  ])('answers %s with a problem', async (_, body, status, code) => {
    const res = await server.importCsv(ALICE, ws, body);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
  });

  it('ignores a column it does not know and says so, rather than refusing the file', async () => {
    const own = await workspaceWith(server, ALICE);
    const res = await server.importCsv(ALICE, own, 'lastName,Fax\r\nBerg,123\r\n');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, ignoredColumns: ['Fax'] });
  });

  it('reads Excel\'s "Unicode text": UTF-16 with a byte order mark, tab-separated, ø/ã/ë intact', async () => {
    const own = await workspaceWith(server, ALICE);
    const text = 'First Name\tLast Name\tCompany\r\nJoão\tØdegård\tDe Boër BV\r\n';
    for (const body of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    ]) {
      const res = await server.importCsv(ALICE, own, body);
      expect(res.body).toMatchObject({ created: 1, errors: 0 });
    }
    const list = await server.getPath(ALICE, `/api/v1/workspaces/${own}/leads?q=odegard`);
    expect(list.body.items.map((l: { firstName: string; lastName: string; company: string }) => l)).toEqual([
      expect.objectContaining({ firstName: 'João', lastName: 'Ødegård', company: 'De Boër BV' }),
      expect.objectContaining({ firstName: 'João', lastName: 'Ødegård', company: 'De Boër BV' }),
    ]);
  });

  it('reads a Salesforce report saved by Excel in nl: BOM, `;`, a note over two lines, dates in several formats', async () => {
    const own = await workspaceWith(server, ALICE);
    const text =
      '\uFEFF"First Name";"Last Name";"Company";"Email";"Lead Source";"Lead Status";"Annual Revenue";"Description";"Create Date"\r\n' +
      '"Pieter";"Jansen";"Jansen BV";"p@jansen.nl";"Advertisement";"Open - Not Contacted";"1.200.000";"Met at the fair;\r\ncall back";"22-11-2026"\r\n' +
      '"Ana";"Souza";"Souza Ltda";"ana@souza.com.br";"Seminar - Internal";"Working - Contacted";"2,5";"";"2026-11-23T09:15:00.000Z"\r\n' +
      '"Kari";"Berg";"Berg AS";"kari@berg.no";"Employee Referral";"Open – Not Contacted";"";"";"24 Nov 2026"\r\n' +
      '"Zoë";"Visser";"Visser";"zoe@visser.nl";"Web";"Working - Contacted";"";"";"11/25/2026 10:00 AM"\r\n';
    const res = await server.importCsv(ALICE, own, text);
    expect(res.body).toMatchObject({ total: 4, created: 4, errors: 0, ignoredColumns: [] });
    const list = await server.getPath(ALICE, `/api/v1/workspaces/${own}/leads?sort=createdAt`);
    expect(
      list.body.items.map((l: Record<string, unknown>) => [
        l.lastName,
        l.source,
        l.status,
        l.annualRevenue,
        String(l.createdAt).slice(0, 10),
        l.description ?? null,
      ]),
    ).toEqual([
      ['Jansen', 'other', 'open-not-contacted', 1_200_000, '2026-11-22', 'Met at the fair;\r\ncall back'],
      ['Souza', 'event', 'working-contacted', 2.5, '2026-11-23', null],
      ['Berg', 'other', 'open-not-contacted', undefined, '2026-11-24', null],
      ['Visser', 'web', 'working-contacted', undefined, '2026-11-25', null],
    ]);
  });

  it('wants text/csv (415) and at most the size limit (413)', async () => {
    const json = await server.importCsv(ALICE, ws, JSON.stringify({ lastName: 'x' }), 'application/json');
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    const huge = await server.importCsv(ALICE, ws, csvText([TEMPLATE, ...leadRows(2000, 'huge')]));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('REQUEST.TOO_LARGE');
  });

  it('lets outsiders learn nothing: no import, no job, 404', async () => {
    const res = await server.importCsv(BOB, ws, csvText([TEMPLATE, ...leadRows(2, 'bob')]));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('WORKSPACE.NOT_FOUND');

    const job = await server.importCsv(ALICE, ws, csvText([TEMPLATE, ...leadRows(60, 'secret')]));
    expect(job.status).toBe(202);
    const location = job.headers.location as string;
    for (const actor of [BOB, MALLORY]) expect((await server.getPath(actor, location)).status).toBe(404);
    const other = await workspaceWith(server, ALICE);
    const elsewhere = await server.getPath(ALICE, `/api/v1/workspaces/${other}/imports/${job.body.id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('IMPORT.NOT_FOUND');
    await pollUntilFinished(location);
  });

  it('is not read as a lead id: GET /leads/import is 405', async () => {
    const res = await server.getPath(ALICE, `/api/v1/workspaces/${ws}/leads/import`);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });
});

describe('GET /api/openapi.json', () => {
  it('describes the CSV routes beside the JSON ones', async () => {
    const { paths } = (await server.http.get('/api/openapi.json')).body;
    expect(paths['/api/v1/workspaces/{ws}/leads/import'].post.requestBody.content).toHaveProperty('text/csv');
    expect(paths['/api/v1/workspaces/{ws}/imports/{id}'].get.responses).toHaveProperty('200');
    for (const plural of ['leads', 'organisations', 'contacts', 'opportunities']) {
      expect(paths[`/api/v1/workspaces/{ws}/${plural}/export`].get.responses['200'].content).toHaveProperty(
        'text/csv',
      );
    }
  });
});

describe('resuming jobs when the server starts', () => {
  it('finishes a job left running from its saved progress, and fails one whose file is gone', async () => {
    const own = await workspaceWith(server, ALICE);
    const rows = leadRows(120, 'resume');
    // The first 40 rows were imported before the "crash".
    expect((await server.importCsv(ALICE, own, csvText([TEMPLATE, ...rows.slice(0, 40)]))).body.created).toBe(
      40,
    );
    const base = { workspaceId: own, createdBy: ALICE.userId, total: 120, ignoredColumns: [] };
    const running = {
      ...queueImportJob({ ...base, id: 'job-resume' }, '2026-11-22T10:00:00.000Z'),
      status: 'running' as const,
    };
    const version = await server.deps.importJobs.create({
      ...running,
      startedAt: running.createdAt,
      processedRows: 40,
      created: 40,
    });
    expect(version).toBeDefined();
    const path = jobFilePath(server.dataDir, own, 'job-resume');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, csvText([TEMPLATE, ...rows]));
    await server.deps.importJobs.create(
      queueImportJob({ ...base, id: 'job-no-file' }, '2026-11-22T10:00:00.000Z'),
    );

    expect(await server.worker.resumeUnfinished()).toBeGreaterThanOrEqual(2);
    await server.worker.idle();

    const resumed = await server.getPath(ALICE, `/api/v1/workspaces/${own}/imports/job-resume`);
    expect(resumed.body).toMatchObject({
      status: 'completed',
      processedRows: 120,
      created: 120,
      duplicateCount: 0,
    });
    expect(await leadCount(own)).toBe(120);
    const gone = await server.getPath(ALICE, `/api/v1/workspaces/${own}/imports/job-no-file`);
    expect(gone.body).toMatchObject({ status: 'failed', failure: { code: 'IMPORT.FILE_GONE' } });
  });
});
