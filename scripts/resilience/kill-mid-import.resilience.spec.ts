import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@crm/shared/storage';
import { csvText, leadRows, TEMPLATE } from '../../tab/server/testing/csv-test-server';
import { connectTestStorage } from '../../tab/server/testing/test-server';
import { startProcess, waitForHealth } from '../jest/process-under-test';
import { reportFigures } from './resilience-report';

/**
 * The tab server killed with SIGKILL in the middle of a large import, then started again: the job
 * resumes from its saved progress and ends with every row imported exactly once.
 */
const ROWS = Number(process.env.RESILIENCE_IMPORT_ROWS ?? 1_500);
const entry = join(__dirname, '..', '..', 'tab', 'server', 'index.ts');
const TENANT = '00000000-0000-4000-8000-0000000000a1';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('resumes an import after the server is killed mid-way: every row once, none lost', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const tablePrefix = `kill${randomBytes(5).toString('hex')}`;
  const env = {
    STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING,
    TABLE_PREFIX: tablePrefix,
    TAB_PORT: String(port),
    AUTH_MODE: 'dev',
    DATA_DIR: await mkdtemp(join(tmpdir(), 'crm-kill-')),
  };
  let server = startProcess(entry, env);
  await waitForHealth(url, server.exited);
  // Dev sign-in keys live as long as the process: sign in again after the restart.
  const signIn = async () => {
    const issued = await fetch(`${url}/api/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId: TENANT, userId: 'importer', name: 'Importer' }),
    });
    auth.Authorization = `Bearer ${((await issued.json()) as { token: string }).token}`;
  };
  const auth = { Authorization: '' };
  await signIn();
  const ws = (
    (await (
      await fetch(`${url}/api/v1/workspaces`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Killed mid-import' }),
      })
    ).json()) as { id: string }
  ).id;

  const accepted = await fetch(`${url}/api/v1/workspaces/${ws}/leads/import`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'text/csv' },
    body: csvText([TEMPLATE, ...leadRows(ROWS, 'killed')]),
  });
  expect(accepted.status).toBe(202);
  const location = accepted.headers.get('location') as string;
  const job = async () =>
    (await (await fetch(`${url}${location}`, { headers: auth })).json()) as {
      status: string;
      processedRows: number;
      created: number;
      duplicateCount: number;
      errorCount: number;
    };

  // Wait until some rows are saved as done, then kill without warning.
  let before = await job();
  for (let i = 0; i < 600 && before.processedRows === 0; i++) {
    await sleep(100);
    before = await job();
  }
  expect(before.status).toBe('running');
  expect(before.processedRows).toBeLessThan(ROWS);
  server.child.kill('SIGKILL');
  await server.exited;

  server = startProcess(entry, env);
  try {
    await waitForHealth(url, server.exited);
    await signIn();
    let after = await job();
    // Waits for the job to end (a busy 2-core machine imports a few dozen rows a second).
    const deadline = Date.now() + 540_000;
    while ((after.status === 'queued' || after.status === 'running') && Date.now() < deadline) {
      await sleep(500);
      after = await job();
    }
    const storage = await connectTestStorage(env.STORAGE_CONNECTION_STRING as string, tablePrefix);
    const emails = new Map<string, number>();
    for await (const { record } of storage.records.scan(ws, 'lead'))
      if (record.email) emails.set(record.email, (emails.get(record.email) ?? 0) + 1);
    const duplicated = [...emails.values()].reduce((n, count) => n + count - 1, 0);
    const figures = {
      rows: ROWS,
      processedWhenKilled: before.processedRows,
      job: {
        status: after.status,
        processedRows: after.processedRows,
        created: after.created,
        duplicateCount: after.duplicateCount,
        errorCount: after.errorCount,
      },
      leadsStored: [...emails.values()].reduce((n, c) => n + c, 0),
      lost: ROWS - emails.size,
      duplicated,
      // Rows done after the last saved progress ran again and found their lead already there.
      redoneAfterRestart: after.duplicateCount,
    };
    reportFigures('SIGKILL mid-import', figures);
    expect(after).toMatchObject({ status: 'completed', processedRows: ROWS, errorCount: 0 });
    expect(after.created + after.duplicateCount).toBe(ROWS);
    expect({ lost: figures.lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}, 600_000);
