import { odata, type TableClient } from '@azure/data-tables';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, Instant, WorkspaceId } from '../common/types';
import type { ImportJobRepository } from '../application/ports';
import type { Version, Versioned } from '../records/versions';
import type { ImportJob } from '../imports/import-job';
import { jsonColumns, readJsonColumns } from './json-columns';
import { isKeySafeId, prefixRange } from './record-keys';
import { isConflict } from './table-errors';
import { allRows, deleteIfExists, pointRead, rangeFilter } from './table-queries';

/** `imp|<jobId>` in the workspace's partition (see KEYS.md). */
export const IMPORT_JOB_PREFIX = 'imp|';
const jobKey = (id: Id): string => `${IMPORT_JOB_PREFIX}${id}`;

const jobRow = (job: ImportJob) => ({
  partitionKey: job.workspaceId,
  rowKey: jobKey(job.id),
  status: job.status,
  ...jsonColumns(job),
});

/** Import jobs in the records table; the status is a column so unfinished ones are found on start. */
export class TableImportJobRepository implements ImportJobRepository {
  constructor(private readonly client: TableClient) {}

  async create(job: ImportJob): Promise<Version> {
    checkKeys(job);
    const response = await this.client.createEntity(jobRow(job));
    return versionOf(response.etag);
  }

  async get(ws: WorkspaceId, id: Id): Promise<Versioned<ImportJob> | undefined> {
    if (!isKeySafeId(ws) || !isKeySafeId(id)) return undefined;
    const row = await pointRead(this.client, ws, jobKey(id));
    return row ? { record: readJsonColumns<ImportJob>(row), version: versionOf(row.etag) } : undefined;
  }

  async update(job: ImportJob, expected: Version): Promise<Result<Version>> {
    checkKeys(job);
    try {
      const response = await this.client.updateEntity(jobRow(job), 'Replace', { etag: expected });
      return ok(versionOf(response.etag));
    } catch (error) {
      if (isConflict(error)) {
        return err(domainError('CONCURRENCY.STALE', 'The import job was changed by another worker.'));
      }
      throw error;
    }
  }

  async listUnfinished(ws: WorkspaceId): Promise<ImportJob[]> {
    if (!isKeySafeId(ws)) return [];
    const unfinished = odata` and (status eq ${'queued'} or status eq ${'running'})`;
    const rows = await allRows(
      this.client,
      rangeFilter(ws, prefixRange(IMPORT_JOB_PREFIX), undefined, unfinished),
    );
    return rows.map((row) => readJsonColumns<ImportJob>(row));
  }

  async purgeFinished(ws: WorkspaceId, finishedBefore: Instant): Promise<number> {
    if (!isKeySafeId(ws)) return 0;
    const finished = odata` and (status eq ${'completed'} or status eq ${'failed'})`;
    const rows = await allRows(
      this.client,
      rangeFilter(ws, prefixRange(IMPORT_JOB_PREFIX), undefined, finished),
    );
    let purged = 0;
    for (const row of rows) {
      const job = readJsonColumns<ImportJob>(row);
      if (job.status !== 'completed' && job.status !== 'failed') continue;
      if (job.finishedAt >= finishedBefore) continue;
      if (await deleteIfExists(this.client, ws, jobKey(job.id), row.etag as string | undefined)) purged += 1;
    }
    return purged;
  }
}

function checkKeys(job: ImportJob): void {
  if (!isKeySafeId(job.workspaceId) || !isKeySafeId(job.id))
    throw new Error(`Import job ${job.id} cannot be keyed`);
}

function versionOf(etag: string | undefined): Version {
  if (!etag) throw new Error('Table Storage returned no ETag');
  return etag as Version;
}
