import {
  completeImportJob,
  failImportJob,
  isImportJobCompleted,
  isImportJobFailed,
  isImportJobFinished,
  queueImportJob,
  recordImportProgress,
  startImportJob,
  type ImportJob,
  type ImportJobStatus,
} from './import-job';
import { EMPTY_TALLY, addToTally, MAX_LISTED } from './import-tally';

const T0 = '2026-11-22T10:00:00.000Z';
const T1 = '2026-11-22T10:05:00.000Z';
const queued = queueImportJob(
  { id: 'job-1', workspaceId: 'ws-1', createdBy: 'anna', total: 5000, ignoredColumns: [] },
  T0,
);
const tally = {
  ...EMPTY_TALLY,
  processedRows: 2000,
  imported: 1990,
  created: 1990,
  skipped: 6,
  duplicateCount: 6,
  errors: 4,
};

describe('import job lifecycle', () => {
  it('given a new job, then it is queued with nothing counted', () => {
    expect(queued).toMatchObject({
      status: 'queued',
      createdAt: T0,
      processedRows: 0,
      created: 0,
      total: 5000,
    });
  });

  it('given a queued job, when it starts, progresses and completes, then it carries the times and the tally', () => {
    const started = startImportJob(queued, T0);
    if (!started.ok) throw new Error(started.error.code);
    const progressed = recordImportProgress(started.value, tally);
    expect(progressed).toMatchObject({ status: 'running', startedAt: T0, processedRows: 2000 });
    expect(completeImportJob(progressed, { ...tally, processedRows: 5000 }, T1)).toMatchObject({
      status: 'completed',
      startedAt: T0,
      finishedAt: T1,
      processedRows: 5000,
    });
  });

  it('given a running job (the server stopped), when it starts again, then it keeps its start time and tally', () => {
    const started = startImportJob(queued, T0);
    if (!started.ok) throw new Error(started.error.code);
    const resumed = startImportJob(recordImportProgress(started.value, tally), T1);
    expect(resumed).toMatchObject({ ok: true, value: { startedAt: T0, processedRows: 2000 } });
  });

  it.each<[string, ImportJob]>([
    ['completed', { ...queued, status: 'completed', startedAt: T0, finishedAt: T1 }],
    ['failed', failImportJob(queued, { code: 'IMPORT.FILE_GONE', message: 'gone' }, T1)],
  ])('given a %s job, then it cannot start again', (_, job) => {
    expect(startImportJob(job, T1)).toMatchObject({ ok: false, error: { code: 'IMPORT.ALREADY_FINISHED' } });
  });

  it('given a failure, then the job says why and when', () => {
    expect(failImportJob(queued, { code: 'IMPORT.FILE_GONE', message: 'gone' }, T1)).toMatchObject({
      status: 'failed',
      finishedAt: T1,
      failure: { code: 'IMPORT.FILE_GONE' },
    });
  });
});

describe('import job states', () => {
  it.each<[ImportJobStatus, boolean, boolean, boolean]>([
    ['queued', false, false, false],
    ['running', false, false, false],
    ['completed', true, true, false],
    ['failed', true, false, true],
  ])(
    'given a %s job, then finished is %s, completed %s, failed %s',
    (status, finished, completed, failed) => {
      const job = { status };
      expect([isImportJobFinished(job), isImportJobCompleted(job), isImportJobFailed(job)]).toEqual([
        finished,
        completed,
        failed,
      ]);
    },
  );

  it('given a job whose status is not known yet, then it is not finished', () => {
    expect(isImportJobFinished({})).toBe(false);
  });
});

describe('addToTally', () => {
  it('given more entries than are listed, then counts stay exact and the lists stop at MAX_LISTED', () => {
    const errors = Array.from({ length: 700 }, (_, i) => ({
      row: i + 2,
      field: 'email',
      code: 'invalid' as const,
      message: 'x',
    }));
    const delta = {
      rows: 700,
      created: 0,
      updated: 0,
      skipped: 0,
      duplicateCount: 0,
      errors: 700,
      skippedRows: [],
      errorRows: errors,
      uses: [],
    };
    const twice = addToTally(addToTally(EMPTY_TALLY, delta), delta);
    expect(twice).toMatchObject({ processedRows: 1400, errors: 1400 });
    expect(twice.errorRows).toHaveLength(MAX_LISTED);
    expect(twice.errorRows[0]?.row).toBe(2);
  });
});
