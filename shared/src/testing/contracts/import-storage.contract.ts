import type { ImportJobRepository, RecordRepository } from '../../application/ports';
import { queueImportJob, type ImportJob } from '../../imports/import-job';
import { aContact, aLead } from '../builders';
import { change, expectOk, insert, remove, seed, uniqueId, update } from './contract-fixtures';
import type { Lead } from '../../lead/lead';

export type ImportStorageUnderTest = {
  readonly records: RecordRepository;
  readonly importJobs: ImportJobRepository;
};

const T0 = '2026-11-22T10:00:00.000Z';

async function emailsOf(records: RecordRepository, ws: string, kind: 'lead' | 'contact') {
  const entries = [];
  for await (const entry of records.listEmails(ws, kind)) entries.push(entry);
  return entries;
}

const aJob = (ws: string, overrides: Partial<ImportJob> = {}): ImportJob =>
  ({
    ...queueImportJob(
      { id: uniqueId('job'), workspaceId: ws, createdBy: 'user-test', total: 5000, ignoredColumns: [] },
      T0,
    ),
    ...overrides,
  }) as ImportJob;

/** What the lead import needs from storage, for the in-memory fakes and for Azurite alike. */
export function importStorageContract(name: string, open: () => Promise<ImportStorageUnderTest>): void {
  describe(name, () => {
    let storage: ImportStorageUnderTest | undefined;
    beforeAll(async () => {
      storage = await open();
    });
    const current = (): ImportStorageUnderTest => {
      if (!storage) throw new Error('storage is not open');
      return storage;
    };

    describe('listEmails', () => {
      it('given leads and contacts, then it lists live leads by normalised email, in email order', async () => {
        const { records } = current();
        const ws = uniqueId('ws');
        const [gone, ...kept] = await seed(records, ws, 'lead', [
          aLead({ workspaceId: ws, id: 'lead-a', email: 'Gone@Example.no' }),
          aLead({ workspaceId: ws, id: 'lead-c', email: 'Ana.Silva@Exemplo.PT' }),
          aLead({ workspaceId: ws, id: 'lead-b', email: "o'brien+crm@example.ie" }),
          aLead({ workspaceId: ws, id: 'lead-d', email: 'ana@exemplo.pt' }),
          aLead({ workspaceId: ws, id: 'lead-e', email: undefined }),
        ]);
        await seed(records, ws, 'contact', [aContact({ workspaceId: ws, email: 'contact@example.no' })]);
        expectOk(
          await records.commit(
            ws,
            change({
              type: 'delete',
              kind: 'lead',
              record: gone!.record,
              expected: gone!.version,
              deletedAt: T0,
              deletedBy: 'u',
            }),
          ),
        );

        expect(kept).toHaveLength(4);
        expect(await emailsOf(records, ws, 'lead')).toEqual([
          { email: 'ana.silva@exemplo.pt', id: 'lead-c' },
          { email: 'ana@exemplo.pt', id: 'lead-d' },
          { email: "o'brien+crm@example.ie", id: 'lead-b' },
        ]);
        expect(await emailsOf(records, ws, 'contact')).toEqual([
          { email: 'contact@example.no', id: expect.any(String) },
        ]);
        expect(await emailsOf(records, uniqueId('ws'), 'lead')).toEqual([]);
      });
    });

    describe("a lead's email is unique in its workspace", () => {
      const taken = { ok: false, error: { code: 'LEAD.EMAIL_IN_USE', details: { email: 'ana@exemplo.pt' } } };

      it('given two leads with one email committed at once, then exactly one is stored and the other is told why', async () => {
        const { records } = current();
        const ws = uniqueId('ws');
        const results = await Promise.all(
          ['lead-1', 'lead-2', 'lead-3'].map((id) =>
            records.commit(
              ws,
              change(insert('lead', aLead({ workspaceId: ws, id, email: 'Ana@Exemplo.pt' }))),
            ),
          ),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        for (const failed of results.filter((r) => !r.ok)) expect(failed).toMatchObject(taken);
        expect(await emailsOf(records, ws, 'lead')).toHaveLength(1);
        // Another workspace, and a contact, may have the same email.
        const other = uniqueId('ws');
        await seed(records, other, 'lead', [aLead({ workspaceId: other, email: 'ana@exemplo.pt' })]);
        await seed(records, ws, 'contact', [aContact({ workspaceId: ws, email: 'ana@exemplo.pt' })]);
        await seed(records, ws, 'contact', [aContact({ workspaceId: ws, email: 'ana@exemplo.pt' })]);
      });

      it('given a lead a person kept beside another with its email (emailShared), then both are stored, a third is refused, and it changes freely', async () => {
        const { records } = current();
        const ws = uniqueId('ws');
        await seed(records, ws, 'lead', [aLead({ workspaceId: ws, email: 'ana@exemplo.pt' })]);
        const [kept] = await seed(records, ws, 'lead', [
          aLead({ workspaceId: ws, email: 'ana@exemplo.pt', emailShared: true }),
        ]);
        expect(
          await records.commit(
            ws,
            change(insert('lead', aLead({ workspaceId: ws, email: 'ana@exemplo.pt' }))),
          ),
        ).toMatchObject(taken);
        expectOk(
          await records.commit(ws, change(update('lead', kept!, { ...kept!.record, title: 'CFO' } as Lead))),
        );
        expect((await emailsOf(records, ws, 'lead')).map((e) => e.email)).toEqual([
          'ana@exemplo.pt',
          'ana@exemplo.pt',
        ]);
      });

      it('given a lead whose email changes or is deleted, then its old email is free and the new one taken', async () => {
        const { records } = current();
        const ws = uniqueId('ws');
        const [ana] = await seed(records, ws, 'lead', [aLead({ workspaceId: ws, email: 'ana@exemplo.pt' })]);
        const moved = expectOk(
          await records.commit(
            ws,
            change(update('lead', ana!, { ...ana!.record, email: 'ana.silva@exemplo.pt' } as Lead)),
          ),
        );
        await seed(records, ws, 'lead', [aLead({ workspaceId: ws, email: 'ana@exemplo.pt' })]);
        expect(
          await records.commit(
            ws,
            change(insert('lead', aLead({ workspaceId: ws, email: 'ANA.SILVA@exemplo.pt' }))),
          ),
        ).toMatchObject({ ok: false, error: { code: 'LEAD.EMAIL_IN_USE' } });
        const version = moved.versions[`lead:${ana!.record.id}`]!;
        expectOk(
          await records.commit(
            ws,
            change(
              remove(
                'lead',
                { record: { ...ana!.record, email: 'ana.silva@exemplo.pt' } as Lead, version },
                T0,
              ),
            ),
          ),
        );
        await seed(records, ws, 'lead', [aLead({ workspaceId: ws, email: 'ana.silva@exemplo.pt' })]);
      });
    });

    describe('ImportJobRepository', () => {
      it('given a job, then it reads back in its own workspace only', async () => {
        const { importJobs } = current();
        const ws = uniqueId('ws');
        const job = aJob(ws);
        const version = await importJobs.create(job);
        expect(await importJobs.get(ws, job.id)).toEqual({ record: job, version });
        expect(await importJobs.get(uniqueId('ws'), job.id)).toBeUndefined();
        expect(await importJobs.get(ws, 'no-such-job')).toBeUndefined();
      });

      it('given an update with the version read, then it saves; with an older one it is stale', async () => {
        const { importJobs } = current();
        const ws = uniqueId('ws');
        const job = aJob(ws);
        const v1 = await importJobs.create(job);
        const running: ImportJob = {
          ...job,
          status: 'running',
          startedAt: T0,
          processedRows: 1000,
          created: 990,
        };
        const v2 = expectOk(await importJobs.update(running, v1));
        expect(v2).not.toBe(v1);
        expect(await importJobs.update({ ...running, processedRows: 2000 }, v1)).toMatchObject({
          ok: false,
          error: { code: 'CONCURRENCY.STALE' },
        });
        expect((await importJobs.get(ws, job.id))?.record).toEqual(running);
      });

      it('given jobs in every state, then only queued and running ones are unfinished', async () => {
        const { importJobs } = current();
        const ws = uniqueId('ws');
        const queued = aJob(ws, { id: 'job-1' });
        const running = aJob(ws, { id: 'job-2', status: 'running', startedAt: T0 } as Partial<ImportJob>);
        const completed = aJob(ws, {
          id: 'job-3',
          status: 'completed',
          startedAt: T0,
          finishedAt: T0,
        } as Partial<ImportJob>);
        for (const job of [queued, running, completed]) await importJobs.create(job);
        await importJobs.create(aJob(uniqueId('ws')));
        expect((await importJobs.listUnfinished(ws)).map((j) => j.id)).toEqual(['job-1', 'job-2']);
      });

      it('given jobs finished before and after a moment, then purging removes only the older finished ones', async () => {
        const { importJobs } = current();
        const ws = uniqueId('ws');
        const ended = (id: string, status: 'completed' | 'failed', finishedAt: string) =>
          aJob(ws, { id, status, startedAt: T0, finishedAt } as Partial<ImportJob>);
        const jobs = [
          ended('job-old-done', 'completed', '2026-11-01T00:00:00.000Z'),
          ended('job-old-failed', 'failed', '2026-11-02T00:00:00.000Z'),
          ended('job-recent', 'completed', '2026-11-20T00:00:00.000Z'),
          aJob(ws, { id: 'job-queued' }),
        ];
        for (const job of jobs) await importJobs.create(job);
        const elsewhere = uniqueId('ws');
        await importJobs.create({ ...jobs[0]!, workspaceId: elsewhere });

        expect(await importJobs.purgeFinished(ws, '2026-11-10T00:00:00.000Z')).toBe(2);
        const left = await Promise.all(jobs.map(async (job) => Boolean(await importJobs.get(ws, job.id))));
        expect(left).toEqual([false, false, true, true]);
        expect(await importJobs.get(elsewhere, 'job-old-done')).toBeDefined();
        expect(await importJobs.purgeFinished(ws, '2026-11-10T00:00:00.000Z')).toBe(0);
      });
    });
  });
}
