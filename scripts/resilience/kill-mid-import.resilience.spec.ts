import { isImportJobFinished, type ImportJobStatus } from '@crm/shared';
import { csvText, leadRows, TEMPLATE } from '../../tab/server/testing/csv-test-server';
import { connectTestStorage } from '../../tab/server/testing/test-server';
import { createWorkspace, sleep, startTabProcess, stopProcess, uniquePrefix } from './crm-processes';
import { reportFigures } from './resilience-report';

/**
 * The tab server killed with SIGKILL in the middle of a large import, then started again: the job
 * resumes from its saved progress and ends with every row imported exactly once.
 */
const ROWS = Number(process.env.RESILIENCE_IMPORT_ROWS ?? 1_500);
const TENANT = '00000000-0000-4000-8000-0000000000a1';

it('resumes an import after the server is killed mid-way: every row once, none lost', async () => {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING as string;
  const tablePrefix = uniquePrefix('kill');
  // The dead process's lease on the job expires within 2 s (production: 60 s).
  const tab = await startTabProcess(connectionString, tablePrefix, TENANT, { IMPORT_LEASE_SECONDS: '2' });
  const ws = await createWorkspace(tab, 'Killed mid-import');

  const accepted = await tab.call(`/workspaces/${ws}/leads/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: csvText([TEMPLATE, ...leadRows(ROWS, 'killed')]),
  });
  expect(accepted.status).toBe(202);
  const jobPath = `/workspaces/${ws}/imports/${String(accepted.body.id)}`;
  const job = async () =>
    (await tab.call(jobPath)).body as {
      status: ImportJobStatus;
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
  tab.running.child.kill('SIGKILL');
  await tab.running.exited;

  try {
    await tab.restart();
    let after = await job();
    // Waits for the job to end (a busy 2-core machine imports a few dozen rows a second).
    const deadline = Date.now() + 540_000;
    while (!isImportJobFinished(after) && Date.now() < deadline) {
      await sleep(500);
      after = await job();
    }
    const storage = await connectTestStorage(connectionString, tablePrefix);
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
      // Rows done after the last saved progress run again, find their lead under its own id: created once.
      redoneAsDuplicates: after.duplicateCount,
    };
    reportFigures('SIGKILL mid-import', figures);
    expect(after).toMatchObject({ status: 'completed', processedRows: ROWS, errorCount: 0 });
    expect({ created: after.created, duplicateCount: after.duplicateCount }).toEqual({
      created: ROWS,
      duplicateCount: 0,
    });
    expect({ lost: figures.lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
  } finally {
    await stopProcess(tab.running);
  }
}, 600_000);
