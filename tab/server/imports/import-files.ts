import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/**
 * Uploaded CSV files under the data directory: `imports/<ws>/upload-<uuid>.csv` while a request
 * reads it, renamed to `imports/<ws>/<jobId>.csv` when it becomes a job (deleted when the job ends).
 * Workspace and job ids are checked ids ([A-Za-z0-9_-]), so they are safe path segments.
 */
export const spoolDir = (dataDir: string): string => join(dataDir, 'imports');

export const uploadPath = (dataDir: string, ws: string): string =>
  join(spoolDir(dataDir), ws, `upload-${randomUUID()}.csv`);

export const jobFilePath = (dataDir: string, ws: string, jobId: string): string =>
  join(spoolDir(dataDir), ws, `${jobId}.csv`);

/** The job a spooled file belongs to, or undefined for an upload still being read. */
export const jobIdOfFile = (name: string): string | undefined =>
  name.startsWith('upload-') || !name.endsWith('.csv') ? undefined : name.slice(0, -'.csv'.length);
