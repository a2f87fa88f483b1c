import { anActor, asCaller, codeOf, expectOk, inMemoryApp } from '../../testing/app-harness';
import type { ImportJob } from '../../imports/import-job';
import {
  createImportJob,
  getImportJob,
  purgeFinishedImports,
  runImportJob,
  type ImportDeps,
  type ImportSource,
} from './import-jobs.use-case';
import { createWorkspace } from '../workspace/workspace.use-case';

const anna = anActor();
const caller = asCaller(anna);
const HEADER = ['firstName', 'lastName', 'email'];
const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ['Ingrid', `Haugen ${i}`, `ingrid${i}@example.no`]);

const sourceOf = (rows: readonly (readonly string[])[]): ImportSource => ({
  async *rows() {
    yield* rows;
  },
});

async function given() {
  const app = inMemoryApp();
  const deps: ImportDeps = { ...app.deps, importJobs: app.storage.importJobs };
  const ws = expectOk(await createWorkspace(app.deps, anna, { name: 'Salg' })).record.id;
  const leadCount = async () => {
    let n = 0;
    for await (const _ of deps.records.scan(ws, 'lead')) n += 1;
    return n;
  };
  return { app, deps, ws, leadCount };
}

describe('import jobs', () => {
  it('given finished jobs, when a week has passed since they ended, then they are purged; unfinished ones stay', async () => {
    const { app, deps, ws } = await given();
    const done = expectOk(await createImportJob(deps, caller, ws, { header: HEADER, total: 1 }));
    await runImportJob(deps, ws, done.id, sourceOf([HEADER, ...people(1)]));
    const waiting = expectOk(await createImportJob(deps, caller, ws, { header: HEADER, total: 1 }));

    app.clock.advance(6 * 86_400_000);
    expect(await purgeFinishedImports(deps, ws)).toBe(0);
    app.clock.advance(86_400_000 + 1);
    expect(await purgeFinishedImports(deps, ws)).toBe(1);
    expect(codeOf(await getImportJob(deps, caller, ws, done.id))).toBe('IMPORT.NOT_FOUND');
    expect(expectOk(await getImportJob(deps, caller, ws, waiting.id)).status).toBe('queued');
  });

  it('given an upload, when its job runs, then it goes from queued to completed with the tally', async () => {
    const { deps, ws, leadCount } = await given();
    const job = expectOk(await createImportJob(deps, caller, ws, { header: HEADER, total: 2500 }));
    expect(job).toMatchObject({ status: 'queued', total: 2500, createdBy: anna.userId, processedRows: 0 });

    const saved: number[] = [];
    const update = deps.importJobs.update.bind(deps.importJobs);
    const spied: ImportDeps = {
      ...deps,
      importJobs: Object.assign(Object.create(deps.importJobs) as ImportDeps['importJobs'], {
        update: (next: ImportJob, expected: Parameters<typeof update>[1]) => {
          saved.push(next.processedRows);
          return update(next, expected);
        },
      }),
    };
    const done = await runImportJob(spied, ws, job.id, sourceOf([HEADER, ...people(2500)]), {
      saveEvery: { rows: 1000, ms: 60_000 },
    });

    expect(done).toMatchObject({
      status: 'completed',
      processedRows: 2500,
      created: 2500,
      startedAt: expect.any(String),
    });
    expect(expectOk(await getImportJob(deps, caller, ws, job.id))).toEqual(done);
    expect(await leadCount()).toBe(2500);
    // Started, then progress about every 1,000 rows, then the end.
    expect(saved[0]).toBe(0);
    expect(saved.length).toBeGreaterThanOrEqual(4);
    expect(saved.at(-1)).toBe(2500);
  });

  it('given a job that was running when the server stopped, then it resumes after its processed rows', async () => {
    const { deps, ws, leadCount } = await given();
    const file = [HEADER, ...people(300)];
    const job = expectOk(await createImportJob(deps, caller, ws, { header: HEADER, total: 300 }));
    const stop = new AbortController();
    const first = await runImportJob(
      {
        ...deps,
        records: Object.assign(Object.create(deps.records) as ImportDeps['records'], {
          commit: async (...args: Parameters<ImportDeps['records']['commit']>) => {
            const result = await deps.records.commit(...args);
            if ((await leadCount()) >= 100) stop.abort(new Error('SIGTERM'));
            return result;
          },
        }),
      },
      ws,
      job.id,
      sourceOf(file),
      { signal: stop.signal, concurrency: 1 },
    );
    expect(first?.status).toBe('running');
    expect(first?.processedRows).toBe(await leadCount());
    expect(first?.processedRows).toBeLessThan(300);

    const resumed = await runImportJob(deps, ws, job.id, sourceOf(file));
    expect(resumed).toMatchObject({
      status: 'completed',
      processedRows: 300,
      created: 300,
      duplicateCount: 0,
    });
    expect(await leadCount()).toBe(300);
  });

  it('given a job whose file is gone, then it fails with a reason the client can translate', async () => {
    const { deps, ws } = await given();
    const job = expectOk(await createImportJob(deps, caller, ws, { header: HEADER, total: 5000 }));
    expect(await runImportJob(deps, ws, job.id, undefined)).toMatchObject({
      status: 'failed',
      failure: { code: 'IMPORT.FILE_GONE' },
      finishedAt: expect.any(String),
    });
  });

  it('given a finished job, then running it again changes nothing', async () => {
    const { deps, ws } = await given();
    const job = expectOk(await createImportJob(deps, caller, ws, { header: HEADER, total: 1 }));
    const done = await runImportJob(deps, ws, job.id, sourceOf([HEADER, ...people(1)]));
    expect(await runImportJob(deps, ws, job.id, sourceOf([HEADER, ...people(5)]))).toEqual(done);
  });

  it('given a bad header, then no job is created', async () => {
    const { deps, ws } = await given();
    expect(codeOf(await createImportJob(deps, caller, ws, { header: ['shoeSize'], total: 5000 }))).toBe(
      'IMPORT.INVALID_HEADER',
    );
    expect(await deps.importJobs.listUnfinished(ws)).toEqual([]);
  });

  it("given another workspace's job id or a stranger, then the job does not exist for them", async () => {
    const { deps, ws } = await given();
    const job = expectOk(await createImportJob(deps, caller, ws, { header: HEADER, total: 5000 }));
    const other = expectOk(await createWorkspace(deps, anna, { name: 'Andere' })).record.id;
    expect(codeOf(await getImportJob(deps, caller, other, job.id))).toBe('IMPORT.NOT_FOUND');
    const mallory = asCaller(anActor({ tenantId: 'tenant-b' }));
    expect(codeOf(await getImportJob(deps, mallory, ws, job.id))).toBe('WORKSPACE.NOT_FOUND');
    expect(codeOf(await createImportJob(deps, mallory, ws, { header: HEADER, total: 5000 }))).toBe(
      'WORKSPACE.NOT_FOUND',
    );
  });
});
