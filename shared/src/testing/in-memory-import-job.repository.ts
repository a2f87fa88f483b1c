import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, Instant, WorkspaceId } from '../common/types';
import type { ImportJobRepository } from '../application/ports';
import type { Version, Versioned } from '../records/versions';
import type { ImportJob } from '../imports/import-job';
import { copy, type InMemoryStore } from './in-memory-store';

/** Import jobs in memory, keyed by workspace and id, with the Table implementation's version checks. */
export class InMemoryImportJobRepository implements ImportJobRepository {
  private readonly jobs = new Map<string, Versioned<ImportJob>>();

  constructor(private readonly store: InMemoryStore) {}

  async create(job: ImportJob): Promise<Version> {
    const key = jobKey(job.workspaceId, job.id);
    if (this.jobs.has(key)) throw new Error(`Import job ${job.id} already exists`);
    return this.put(job);
  }

  async get(ws: WorkspaceId, id: Id): Promise<Versioned<ImportJob> | undefined> {
    const found = this.jobs.get(jobKey(ws, id));
    return found ? copy(found) : undefined;
  }

  async update(job: ImportJob, expected: Version): Promise<Result<Version>> {
    const current = this.jobs.get(jobKey(job.workspaceId, job.id));
    if (current?.version !== expected) {
      return err(domainError('CONCURRENCY.STALE', 'The import job was changed by another worker.'));
    }
    return ok(this.put(job));
  }

  async listUnfinished(ws: WorkspaceId): Promise<ImportJob[]> {
    return [...this.jobs.values()]
      .map((v) => v.record)
      .filter((job) => job.workspaceId === ws && (job.status === 'queued' || job.status === 'running'))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(copy);
  }

  async purgeFinished(ws: WorkspaceId, finishedBefore: Instant): Promise<number> {
    let purged = 0;
    for (const [key, { record: job }] of this.jobs) {
      if (job.workspaceId !== ws || (job.status !== 'completed' && job.status !== 'failed')) continue;
      if (job.finishedAt >= finishedBefore) continue;
      this.jobs.delete(key);
      purged += 1;
    }
    return purged;
  }

  private put(job: ImportJob): Version {
    const version = this.store.nextVersion();
    this.jobs.set(jobKey(job.workspaceId, job.id), { record: copy(job), version });
    return version;
  }
}

const jobKey = (ws: WorkspaceId, id: Id): string => `${ws}|${id}`;
