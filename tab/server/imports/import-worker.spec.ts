import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isImportJobFinished } from '@crm/shared';
import { createImportJob, createWorkspace, type ImportDeps } from '@crm/shared/application';
import { memoryLeases } from '@crm/shared/storage';
import { createInMemoryStorage, fixedClock, sequentialIds } from '@crm/shared/testing';
import { createLogger } from '../http/logging';
import { csvText, leadRows, TEMPLATE } from '../testing/csv-test-server';
import { jobFilePath } from './import-files';
import { createImportWorker, IMPORT_LEASES } from './import-worker';

const anna = { tenantId: 'tenant-a', userId: 'anna', name: 'Anna' };

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('import worker leases', () => {
  it('given a job whose instance died holding its lease, then another takes it only once the lease expired, and finishes it', async () => {
    const storage = createInMemoryStorage();
    const deps: ImportDeps = {
      records: storage.records,
      workspaces: storage.workspaces,
      outbox: storage.outbox,
      teams: storage.teams,
      conversations: storage.conversations,
      importJobs: storage.importJobs,
      clock: fixedClock(),
      ids: sequentialIds('id'),
    };
    const made = await createWorkspace(deps, anna, { name: 'Leases' });
    if (!made.ok) throw new Error(made.error.code);
    const ws = made.value.record.id;
    const job = await createImportJob(deps, { actor: anna }, ws, { header: TEMPLATE, total: 30 });
    if (!job.ok) throw new Error(job.error.code);
    const dataDir = await mkdtemp(join(tmpdir(), 'crm-worker-'));
    const file = jobFilePath(dataDir, ws, job.value.id);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, csvText([TEMPLATE, ...leadRows(30, 'lease')]));
    const leases = memoryLeases();
    // The instance that ran it died: its lease lasts another 1.5 s.
    await leases.acquire(IMPORT_LEASES, `${ws}|${job.value.id}`, 'dead', 1500, { ws, job: job.value.id });

    const worker = createImportWorker(deps, {
      dataDir,
      logger: createLogger('silent'),
      leases,
      leaseMs: 300,
      scanMs: 20,
    });
    try {
      expect(await worker.resumeUnfinished()).toBe(1);
      // Not while the lease holds.
      expect((await deps.importJobs.get(ws, job.value.id))?.record.status).toBe('queued');
      await until(async () => {
        const found = await deps.importJobs.get(ws, job.value.id);
        return found !== undefined && isImportJobFinished(found.record);
      });
      expect((await deps.importJobs.get(ws, job.value.id))?.record).toMatchObject({
        status: 'completed',
        processedRows: 30,
        created: 30,
      });
      await worker.idle();
      // The job's lease row and file are gone.
      await until(async () => (await leases.list(IMPORT_LEASES)).length === 0);
      await expect(stat(file)).rejects.toThrow();
    } finally {
      await worker.stop();
    }
  });
});
