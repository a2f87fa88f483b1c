import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes being uploaded right now, held against the quota until their file is on disk. */
export type SpoolReservation = { readonly bytes: number; release(): void };

export type SpoolQuota = {
  /**
   * Holds up to `wanted` bytes for one upload; fewer when the spool is nearly full, none (undefined)
   * when it is full. What is on disk is measured each time, so files deleted by jobs free space at once.
   */
  reserve(wanted: number): Promise<SpoolReservation | undefined>;
};

/** Total size of the files under `dir` (the spool is two levels deep: `<ws>/<file>`). */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    total += await stat(join(entry.parentPath, entry.name)).then(
      (s) => s.size,
      () => 0, // deleted meanwhile
    );
  }
  return total;
}

/** One quota for every upload and queued job file under `spoolDir`, so imports cannot fill the disk. */
export function createSpoolQuota(spoolDir: string, limitBytes: number): SpoolQuota {
  let reserved = 0;
  return {
    async reserve(wanted) {
      const free = limitBytes - (await bytesUnder(spoolDir)) - reserved;
      if (wanted > 0 && free <= 0) return undefined;
      const bytes = Math.max(0, Math.min(wanted, free));
      reserved += bytes;
      let released = false;
      return {
        bytes,
        release: () => {
          if (released) return;
          released = true;
          reserved -= bytes;
        },
      };
    },
  };
}
