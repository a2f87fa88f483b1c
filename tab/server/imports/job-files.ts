import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ContainerClient } from '@crm/shared/storage';
import { jobFilePath, jobIdOfFile, spoolDir } from './import-files';

/**
 * Where a job's uploaded file waits for whichever instance runs the job. `keep` takes the upload
 * over; `open` gives a local file to read (the instance that stored it reads its own copy, another
 * one downloads it first); `remove` forgets the file everywhere (the job ended).
 */
export type JobFiles = {
  keep(ws: string, jobId: string, upload: string): Promise<void>;
  /** A local path holding the job's file, or undefined when the file is gone. */
  open(ws: string, jobId: string): Promise<string | undefined>;
  remove(ws: string, jobId: string): Promise<void>;
  /** Forgets the shared copy only (this instance's local copy is the caller's now). */
  forget(ws: string, jobId: string): Promise<void>;
  /**
   * Removes files older than `olderThanMs` (epoch ms: when this instance started) whose job
   * `isUnfinished` does not name (uploads a crash cut short, files of jobs that ended just before a
   * crash); shared ones only once they are an hour old as well (another instance may be storing a
   * new job's file, or uploading into a shared spool folder).
   */
  sweep(olderThanMs: number, isUnfinished: (ws: string, jobId: string) => boolean): Promise<void>;
};

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Local removals that leave nothing to sweep: the file of a job this process had. */
async function sweepLocal(
  dataDir: string,
  olderThanMs: number,
  keep: (ws: string, jobId: string) => boolean,
): Promise<void> {
  for (const ws of await readdir(spoolDir(dataDir)).catch(() => [])) {
    const dir = join(spoolDir(dataDir), ws);
    for (const name of await readdir(dir).catch(() => [])) {
      const jobId = jobIdOfFile(name);
      if (jobId !== undefined && keep(ws, jobId)) continue;
      const path = join(dir, name);
      const old = await stat(path).then(
        (s) => s.mtimeMs < olderThanMs,
        () => false,
      );
      if (old) await rm(path, { force: true });
    }
  }
}

/** One instance's disk (a single instance, or tests): the spool folder under the data directory. */
export function localJobFiles(dataDir: string): JobFiles {
  return {
    async keep(ws, jobId, upload) {
      const path = jobFilePath(dataDir, ws, jobId);
      await mkdir(dirname(path), { recursive: true });
      await rename(upload, path);
    },
    async open(ws, jobId) {
      const path = jobFilePath(dataDir, ws, jobId);
      return (await exists(path)) ? path : undefined;
    },
    async remove(ws, jobId) {
      await rm(jobFilePath(dataDir, ws, jobId), { force: true });
    },
    async forget() {
      // The local copy is the only one.
    },
    sweep: (olderThanMs, isUnfinished) => sweepLocal(dataDir, olderThanMs, isUnfinished),
  };
}

/** The job files' container in Blob Storage (Azurite's blob service locally): see docs/deploy.md. */
export const IMPORT_FILES_CONTAINER = 'crm-imports';

/** A shared file is swept only this long after it was written, whatever the instance's age. */
const SHARED_SWEEP_AFTER_MS = 60 * 60 * 1000;

/**
 * Job files in Blob Storage, so that every instance reads them: the instance that received the
 * upload keeps its local copy as a cache (it usually runs the job), another one downloads the blob
 * into its own spool folder before it reads it. The spool folder stays this instance's disk.
 */
export function blobJobFiles(
  container: ContainerClient,
  dataDir: string,
  /** The deployment's table prefix: deployments sharing an account keep (and sweep) their own files. */
  prefix = '',
): JobFiles {
  const local = localJobFiles(dataDir);
  const folder = `${prefix || '-'}/`;
  const blobName = (ws: string, jobId: string) => `${folder}${ws}/${jobId}.csv`;
  let ready: Promise<unknown> | undefined;
  const ensure = () =>
    (ready ??= container.createIfNotExists().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  return {
    async keep(ws, jobId, upload) {
      await ensure();
      await container.getBlockBlobClient(blobName(ws, jobId)).uploadFile(upload, {
        blobHTTPHeaders: { blobContentType: 'text/csv; charset=utf-8' },
      });
      await local.keep(ws, jobId, upload);
    },
    async open(ws, jobId) {
      const cached = await local.open(ws, jobId);
      if (cached) return cached;
      const path = jobFilePath(dataDir, ws, jobId);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.part`;
      try {
        await container.getBlockBlobClient(blobName(ws, jobId)).downloadToFile(partial);
      } catch (error) {
        await rm(partial, { force: true });
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      }
      await rename(partial, path);
      return path;
    },
    async remove(ws, jobId) {
      await local.remove(ws, jobId);
      await container.getBlockBlobClient(blobName(ws, jobId)).deleteIfExists();
    },
    async forget(ws, jobId) {
      await container.getBlockBlobClient(blobName(ws, jobId)).deleteIfExists();
    },
    async sweep(olderThanMs, isUnfinished) {
      // The spool folder may be shared too (App Service's /home): another instance's upload in progress
      // is younger than an hour.
      const before = Math.min(olderThanMs, Date.now() - SHARED_SWEEP_AFTER_MS);
      await local.sweep(before, isUnfinished);
      await ensure();
      for await (const blob of container.listBlobsFlat({ prefix: folder })) {
        const [ws, name] = blob.name.slice(folder.length).split('/');
        const jobId = name ? jobIdOfFile(name) : undefined;
        if (ws && jobId && isUnfinished(ws, jobId)) continue;
        if (blob.properties.lastModified.getTime() >= before) continue;
        await container.deleteBlob(blob.name).catch(() => undefined);
      }
    },
  };
}
