import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
// node:timers: the Node timers (unref) also where a test environment replaces the globals (jsdom).
import { clearTimeout, setTimeout } from 'node:timers';
import type { ImportKind, WorkspaceId } from '@crm/shared';
import type { CsvFormat } from './csv-file';
import { spoolDir } from './import-files';

/** A previewed file kept for its import: where it is, what it is, and whose it is. */
export type PreviewedFile = {
  readonly id: string;
  readonly ws: WorkspaceId;
  /** `tenantId/userId` of who uploaded it: nobody else can import it. */
  readonly owner: string;
  readonly kind: ImportKind;
  readonly path: string;
  readonly csv: CsvFormat & { readonly header: readonly string[]; readonly total: number };
  readonly expiresAt: number;
};

export type PreviewStore = {
  /** Keeps an uploaded file (moved to the preview's own name) until it is imported or expires. */
  keep(
    file: Omit<PreviewedFile, 'id' | 'path' | 'expiresAt'> & { readonly upload: string },
  ): Promise<PreviewedFile>;
  /** The owner's preview, or undefined (another person's, another workspace's, expired or gone). */
  find(ws: WorkspaceId, id: string, owner: string): PreviewedFile | undefined;
  /** Hands the file over to an import: the store forgets it (the import moves or removes the file). */
  take(file: PreviewedFile): void;
  /** Removes every kept file (the server stops). */
  clear(): Promise<void>;
};

export const previewPath = (dataDir: string, ws: string, id: string): string =>
  join(spoolDir(dataDir), ws, `preview-${id}.csv`);

/**
 * Previewed files, in this process: on disk in the spool (they count against its quota) and known
 * here. A preview lives `ttlMs` (the file is removed then), a person keeps at most `perOwner` (the
 * oldest goes). A restart forgets them; the worker's start-up sweep removes their files.
 */
export function createPreviewStore(
  dataDir: string,
  options: { ttlMs: number; perOwner: number },
): PreviewStore {
  const files = new Map<string, PreviewedFile>();
  const timers = new Map<string, NodeJS.Timeout>();
  const drop = async (id: string) => {
    const file = files.get(id);
    files.delete(id);
    clearTimeout(timers.get(id));
    timers.delete(id);
    if (file) await rm(file.path, { force: true });
  };
  return {
    async keep(upload) {
      const id = randomUUID();
      const path = previewPath(dataDir, upload.ws, id);
      await rename(upload.upload, path);
      const file: PreviewedFile = {
        id,
        ws: upload.ws,
        owner: upload.owner,
        kind: upload.kind,
        csv: upload.csv,
        path,
        expiresAt: Date.now() + options.ttlMs,
      };
      const mine = [...files.values()].filter((f) => f.owner === upload.owner);
      for (const old of mine.slice(0, Math.max(0, mine.length - options.perOwner + 1))) await drop(old.id);
      files.set(id, file);
      const timer = setTimeout(() => void drop(id), options.ttlMs);
      timer.unref();
      timers.set(id, timer);
      return file;
    },
    find(ws, id, owner) {
      const file = files.get(id);
      return file && file.ws === ws && file.owner === owner && file.expiresAt > Date.now() ? file : undefined;
    },
    take(file) {
      files.delete(file.id);
      clearTimeout(timers.get(file.id));
      timers.delete(file.id);
    },
    async clear() {
      for (const id of [...files.keys()]) await drop(id);
    },
  };
}
