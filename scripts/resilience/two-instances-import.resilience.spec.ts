import { isImportJobFinished, type ImportJobStatus } from '@crm/shared';
import { connectBlobContainer, connectTableStorage } from '@crm/shared/storage';
import { csvText, leadRows, TEMPLATE } from '../../tab/server/testing/csv-test-server';
import { connectTestStorage } from '../../tab/server/testing/test-server';
import { IMPORT_LEASES } from '../../tab/server/imports/import-worker';
import { IMPORT_FILES_CONTAINER } from '../../tab/server/imports/job-files';
import {
  createWorkspace,
  sleep,
  startTabProcess,
  stopProcess,
  uniquePrefix,
  type TabProcess,
} from './crm-processes';
import { reportFigures } from './resilience-report';

/**
 * Two tab servers on one store (tables and blobs, as two App Service instances). An import of a few
 * thousand rows is uploaded to one; whichever holds the job's lease is killed with SIGKILL mid-way;
 * the other finds the lease expired, takes the job over and finishes it from the shared file and the
 * saved progress: every row once, and the job's tally exact.
 */
const ROWS = Number(process.env.RESILIENCE_TWO_INSTANCE_ROWS ?? 3_000);
const TENANT = '00000000-0000-4000-8000-0000000000a2';
/** Short, so that the survivor takes over within seconds (production: 60 s). */
const LEASE_SECONDS = '2';

type JobBody = {
  status: ImportJobStatus;
  processedRows: number;
  created: number;
  skipped: number;
  duplicateCount: number;
  errorCount: number;
  total: number;
};

/** Polls `probe` until `done` says so (the machine may be slow: a generous deadline, no fixed wait). */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 540_000) {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(value)}`);
    await sleep(200);
    value = await probe();
  }
  return value;
}

it('two instances: the one running an import is killed, the other resumes it — every row once, tally exact', async () => {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING as string;
  expect(connectionString).toMatch(/BlobEndpoint=/);
  const tablePrefix = uniquePrefix('two');
  const env = { IMPORT_LEASE_SECONDS: LEASE_SECONDS };
  const a = await startTabProcess(connectionString, tablePrefix, TENANT, env);
  const b = await startTabProcess(connectionString, tablePrefix, TENANT, env);
  const tabs = [a, b];
  try {
    const ws = await createWorkspace(a, 'Two instances');
    const accepted = await a.call(`/workspaces/${ws}/leads/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: csvText([TEMPLATE, ...leadRows(ROWS, 'two')]),
    });
    expect(accepted.status).toBe(202);
    const jobPath = `/workspaces/${ws}/imports/${String(accepted.body.id)}`;
    const job = (tab: TabProcess) => async () => (await tab.call(jobPath)).body as JobBody;

    // The instance holding the job's lease dies without warning while it has committed rows past its
    // last saved progress (saved every second or 1,000 rows): those are the rows a resumed job must
    // neither import again nor count twice.
    const records = await connectTestStorage(connectionString, tablePrefix);
    const leadsStored = async () => {
      let n = 0;
      for await (const _ of records.records.scan(ws, 'lead')) n += 1;
      return n;
    };
    const before = await until(
      async () => ({ job: await job(b)(), stored: await leadsStored() }),
      ({ job: j, stored }) => j.processedRows > 0 && stored > j.processedRows,
      'rows committed past the saved progress',
    ).then(({ job: j }) => j);
    expect(before.status).toBe('running');
    expect(before.processedRows).toBeLessThan(ROWS);
    const storage = connectTableStorage({ connectionString }, { tablePrefix });
    const [row] = await storage.leases.list(IMPORT_LEASES);
    const holder = tabs.find((tab) => row?.owner.includes(`:${String(tab.running.child.pid)}:`));
    if (!holder) throw new Error(`no instance holds the job: ${JSON.stringify(row)}`);
    const survivor = holder === a ? b : a;
    // The job's file is in the shared container (each process has a data folder of its own).
    const files = connectBlobContainer({ connectionString }, IMPORT_FILES_CONTAINER);
    const blobs = async () => {
      const names: string[] = [];
      for await (const blob of files!.listBlobsFlat({ prefix: `${tablePrefix}/` })) names.push(blob.name);
      return names;
    };
    expect(await blobs()).toEqual([`${tablePrefix}/${ws}/${String(accepted.body.id)}.csv`]);
    holder.running.child.kill('SIGKILL');
    await holder.running.exited;
    // What the dead instance left (the survivor waits for the lease to expire before it starts).
    const saved = (await records.importJobs.get(ws, String(accepted.body.id)))?.record.processedRows ?? 0;
    const committed = await leadsStored();

    const after = await until(job(survivor), isImportJobFinished, 'the job to finish');
    const emails = new Map<string, number>();
    for await (const { record } of records.records.scan(ws, 'lead'))
      if (record.email) emails.set(record.email, (emails.get(record.email) ?? 0) + 1);
    const duplicated = [...emails.values()].reduce((n, count) => n + count - 1, 0);
    reportFigures('two instances, the importing one killed', {
      rows: ROWS,
      savedProgressWhenKilled: saved,
      leadsStoredWhenKilled: committed,
      killed: holder === a ? 'A (received the upload)' : 'B (took the job from A)',
      job: {
        status: after.status,
        processedRows: after.processedRows,
        created: after.created,
        skipped: after.skipped,
        errorCount: after.errorCount,
      },
      leadsStored: [...emails.values()].reduce((n, c) => n + c, 0),
      lost: ROWS - emails.size,
      duplicated,
    });
    expect(committed).toBeGreaterThan(saved);
    expect(after).toMatchObject({ status: 'completed', total: ROWS, processedRows: ROWS });
    // Exact: rows the dead instance committed after its last saved progress count as created once.
    expect({ created: after.created, skipped: after.skipped, errors: after.errorCount }).toEqual({
      created: ROWS,
      skipped: 0,
      errors: 0,
    });
    expect({ lost: ROWS - emails.size, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    // The finished job's lease row and its shared file are gone (the survivor removed them).
    expect(await storage.leases.list(IMPORT_LEASES)).toEqual([]);
    expect(await blobs()).toEqual([]);
  } finally {
    for (const tab of tabs)
      if (tab.running.child.exitCode === null && !tab.running.child.killed) await stopProcess(tab.running);
  }
}, 600_000);
