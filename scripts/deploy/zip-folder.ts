import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { unzipSync, zipSync } from 'fflate';

/** Every file under `dir`, as paths relative to it with `/` separators. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Zips the folder's files (not the folder itself), as App Service's zip deploy expects. */
export async function zipFolder(dir: string, zipPath: string): Promise<void> {
  const files: Record<string, Uint8Array> = {};
  for (const path of await filesUnder(dir)) files[path] = await readFile(join(dir, path));
  await writeFile(zipPath, zipSync(files, { level: 9 }));
}

/** Unpacks a zip into `dir`, refusing entries that would land outside it. */
export async function unzipInto(zipPath: string, dir: string): Promise<void> {
  const entries = unzipSync(await readFile(zipPath));
  for (const [path, content] of Object.entries(entries)) {
    const target = join(dir, path);
    if (relative(dir, target).startsWith('..')) throw new Error(`zip entry outside the folder: ${path}`);
    if (path.endsWith('/')) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
