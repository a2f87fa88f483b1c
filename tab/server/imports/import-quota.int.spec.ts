import { existsSync } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { queueImportJob } from '@crm/shared';
import { ALICE, workspaceWith } from '../testing/test-server';
import {
  csvText,
  leadRows,
  startCsvTestServer,
  TEMPLATE,
  type CsvTestServer,
} from '../testing/csv-test-server';
import { jobFilePath } from './import-files';

/** What one workspace or one server may hold on disk and in the queue: bounded, answered with 429. */
let server: CsvTestServer;
const SPOOL_LIMIT = 12_000;
beforeAll(async () => {
  server = await startCsvTestServer({ inlineMaxRows: 2, maxBytes: 10_000, spoolLimitBytes: SPOOL_LIMIT });
  // A worker that takes no job: everything accepted stays queued, so the limits are what is tested.
  await server.worker.stop();
});

const fileOf = (rows: number, tag: string) => csvText([TEMPLATE, ...leadRows(rows, tag)]);
const uploadsIn = async (ws: string) =>
  (await readdir(join(server.dataDir, 'imports', ws)).catch(() => [])).filter((f) => f.startsWith('upload-'));

describe('import limits', () => {
  it('queues a few jobs per workspace, then answers 429 IMPORT.QUEUE_FULL with Retry-After and keeps no file', async () => {
    const ws = await workspaceWith(server, ALICE);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await server.importCsv(ALICE, ws, fileOf(5, `q${i}`))).status);
    expect(statuses).toEqual([202, 202, 202, 202]);

    const refused = await server.importCsv(ALICE, ws, fileOf(5, 'q4'));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'IMPORT.QUEUE_FULL' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await uploadsIn(ws)).toEqual([]);
    // A small file is still imported within the request: it queues nothing.
    expect((await server.importCsv(ALICE, ws, fileOf(1, 'inline'))).status).toBe(200);
  });

  it('keeps the spool under its global quota: 429 IMPORT.SPOOL_FULL with Retry-After, nothing written', async () => {
    const big = fileOf(60, 'spool');
    expect(Buffer.byteLength(big)).toBeGreaterThan(SPOOL_LIMIT / 3);
    const answers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ws = await workspaceWith(server, ALICE);
      const res = await server.importCsv(ALICE, ws, big);
      answers.push(res.status);
      if (res.status === 429) {
        expect(res.body).toMatchObject({ code: 'IMPORT.SPOOL_FULL' });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(await uploadsIn(ws)).toEqual([]);
      }
    }
    expect(answers.slice(0, 1)).toEqual([202]);
    expect(answers).toContain(429);
  });
});

describe('the spool at start-up', () => {
  it('sweeps uploads a crash left behind and files of jobs that are no longer unfinished', async () => {
    const ws = await workspaceWith(server, ALICE);
    const leftover = join(server.dataDir, 'imports', ws, 'upload-0b6f2a7e-crash.csv');
    await mkdir(join(server.dataDir, 'imports', ws), { recursive: true });
    await writeFile(leftover, 'lastName\r\nhalf-written');
    const orphan = jobFilePath(server.dataDir, ws, 'job-finished-long-ago');
    await writeFile(orphan, 'lastName\r\nx');
    const kept = jobFilePath(server.dataDir, ws, 'job-still-queued');
    await writeFile(kept, 'lastName\r\ny');
    for (const path of [leftover, orphan, kept]) await utimes(path, new Date(0), new Date(0));
    await server.deps.importJobs.create(
      queueImportJob(
        { workspaceId: ws, id: 'job-still-queued', createdBy: ALICE.userId, total: 1, ignoredColumns: [] },
        '2026-11-22T10:00:00.000Z',
      ),
    );

    await server.worker.resumeUnfinished();
    expect([existsSync(leftover), existsSync(orphan), existsSync(kept)]).toEqual([false, false, true]);
  });
});
