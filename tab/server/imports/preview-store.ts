import { randomUUID } from 'node:crypto';
import type { ImportKind, WorkspaceId } from '@crm/shared';
import { memoryLeases, type Lease, type Leases } from '@crm/shared/leases';
import { csvRecords, type CsvFormat } from './csv-file';
import { jobFilePath } from './import-files';
import { localJobFiles, type JobFiles } from './job-files';

/** A previewed file kept for its import: where it is, what it is, and whose it is. */
export type PreviewedFile = {
  readonly id: string;
  readonly ws: WorkspaceId;
  /** `tenantId/userId` of who uploaded it: nobody else can import it. */
  readonly owner: string;
  readonly kind: ImportKind;
  /** A local copy to read (downloaded when another instance received the upload). */
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
  find(ws: WorkspaceId, id: string, owner: string): Promise<PreviewedFile | undefined>;
  /**
   * Hands the file over to an import: the store forgets it (the import moves or removes the local
   * copy); false when another request took it first.
   */
  take(file: PreviewedFile): Promise<boolean>;
  /** Removes every file this store kept (tests). */
  clear(): Promise<void>;
};

/** The previews' rows: `lse|pvw` / `<id>`, expiring with the preview (see KEYS.md). */
export const PREVIEWS = 'pvw';

/** A preview's file among the job files: `preview-<id>` (so `imports/<ws>/preview-<id>.csv` on disk). */
const fileKey = (id: string) => `preview-${id}`;

export const previewPath = (dataDir: string, ws: string, id: string): string =>
  jobFilePath(dataDir, ws, fileKey(id));

async function firstRecord(path: string, format: CsvFormat): Promise<readonly string[]> {
  for await (const record of csvRecords(path, format)) return record;
  return [];
}

/**
 * Previewed files, seen by every instance: the file where job files are (Blob Storage, or this
 * instance's disk), and a row that says whose it is, what it is and until when (the directory
 * table, or memory). A preview lives `ttlMs`; a person keeps at most `perOwner` (the oldest goes).
 * Taking it deletes the row with its ETag, so of two imports started from one preview one goes on.
 */
export function createPreviewStore(
  dataDir: string,
  options: { ttlMs: number; perOwner: number },
  shared: { readonly leases?: Leases; readonly files?: JobFiles } = {},
): PreviewStore {
  const leases = shared.leases ?? memoryLeases();
  const files = shared.files ?? localJobFiles(dataDir);
  const kept = new Set<string>();
  const drop = async (row: Pick<Lease, 'key' | 'data'>, lease?: Lease) => {
    if (lease && !(await leases.release(lease))) return;
    if (row.data.ws) await files.remove(row.data.ws, fileKey(row.key)).catch(() => undefined);
  };
  return {
    async keep(upload) {
      const id = randomUUID();
      const expiresAt = Date.now() + options.ttlMs;
      await files.keep(upload.ws, fileKey(id), upload.upload);
      const format: CsvFormat = { encoding: upload.csv.encoding, delimiter: upload.csv.delimiter };
      // Expired previews of anyone, and this person's oldest beyond the limit, go.
      const rows = await leases.list(PREVIEWS);
      const now = Date.now();
      const mine = rows
        .filter((row) => row.untilMs > now && row.data.owner === upload.owner)
        .sort((a, b) => a.untilMs - b.untilMs);
      const extra = mine.slice(0, Math.max(0, mine.length - options.perOwner + 1));
      for (const row of [...rows.filter((r) => r.untilMs <= now), ...extra]) {
        const lease = await leases.get(PREVIEWS, row.key);
        if (lease) await drop(lease, lease);
      }
      await leases.acquire(PREVIEWS, id, '', options.ttlMs, {
        ws: upload.ws,
        owner: upload.owner,
        kind: upload.kind,
        format: JSON.stringify(format),
        total: String(upload.csv.total),
      });
      kept.add(`${upload.ws}|${id}`);
      return {
        id,
        ws: upload.ws,
        owner: upload.owner,
        kind: upload.kind,
        csv: upload.csv,
        path: previewPath(dataDir, upload.ws, id),
        expiresAt,
      };
    },
    async find(ws, id, owner) {
      if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return undefined;
      const row = await leases.get(PREVIEWS, id);
      if (!row || row.data.ws !== ws || row.data.owner !== owner || row.untilMs <= Date.now())
        return undefined;
      const path = await files.open(ws, fileKey(id));
      if (!path) return undefined;
      const format = JSON.parse(row.data.format ?? '{}') as CsvFormat;
      return {
        id,
        ws,
        owner,
        kind: row.data.kind as ImportKind,
        path,
        csv: { ...format, header: await firstRecord(path, format), total: Number(row.data.total) },
        expiresAt: row.untilMs,
      };
    },
    async take(file) {
      const row = await leases.get(PREVIEWS, file.id);
      if (!row || !(await leases.release(row))) return false;
      kept.delete(`${file.ws}|${file.id}`);
      // The local copy is the import's now; a shared one is not needed any more.
      await files.forget(file.ws, fileKey(file.id)).catch(() => undefined);
      return true;
    },
    async clear() {
      for (const entry of kept) {
        const [ws, id] = entry.split('|') as [string, string];
        const lease = await leases.get(PREVIEWS, id);
        await drop({ key: id, data: { ws } }, lease);
      }
      kept.clear();
    },
  };
}
