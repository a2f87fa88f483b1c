import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BUNDLE_FILES } from './bundle-files';

export const APP_ENTRY = resolve(__dirname, '../../src/main.tsx');
/** The folder beside the bundled server where the deploy artifact keeps the prebuilt browser bundle. */
export const PACKAGED_ASSETS_FOLDER = 'public';
export const DIST_DIR = resolve(__dirname, '../../dist');
/** What the bundle is made of: a bundle older than any of these files is rebuilt. */
const SOURCE_DIRS = [resolve(__dirname, '../../src'), resolve(__dirname, '../../../shared/src')];

/** Where the pages' script comes from, chosen by the composition root. */
export type BrowserBundle = {
  /** The folder served under /assets. */
  readonly dir: string;
  /** Settles once `dir` holds a bundle that may be served; rejects, saying why, when it cannot. */
  ready(): Promise<void>;
};

/** Remembers success; a failure is tried again on the next call. */
function once(task: () => Promise<void>): () => Promise<void> {
  let pending: Promise<void> | undefined;
  return () =>
    (pending ??= task().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

/**
 * Production: serves only the bundle built with the server (`npm run package:apps` puts it beside
 * the server bundle) and never builds one, so neither esbuild nor the sources are needed.
 */
export function prebuiltBundle(dir: string): BrowserBundle {
  const script = join(dir, BUNDLE_FILES.script);
  return {
    dir,
    ready: once(async () => {
      const found = await stat(script).catch(() => undefined);
      if (!found?.isFile()) {
        throw new Error(
          `no browser bundle at ${script}: in production the tab serves only a bundle built ahead of time ` +
            '(npm run package:apps) and never builds one on demand',
        );
      }
    }),
  };
}

/**
 * Development: before the first asset is served, builds the bundle when it is missing (a fresh
 * `npm ci`) or older than its sources (a checkout moved on). About a second.
 */
export function onDemandBundle(dir: string = DIST_DIR): BrowserBundle {
  return {
    dir,
    ready: once(async () => {
      if (!(await bundleIsCurrent(dir))) await writeBundle(dir);
    }),
  };
}

/**
 * Builds the bundle into `distDir`: into a private folder first, then renamed file by file, so a
 * reader (or a second process building at the same time) never sees half a bundle. esbuild is loaded
 * here only, so a server that never builds never loads it.
 */
export async function writeBundle(distDir: string = DIST_DIR): Promise<void> {
  const { buildBundle } = await import('./build-bundle');
  const staging = join(distDir, `.build-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  try {
    await buildBundle({ entry: APP_ENTRY, outdir: staging });
    for (const file of await readdir(staging)) await rename(join(staging, file), join(distDir, file));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The newest modification time of the app's sources (specs excluded), 0 when there are none. */
async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestSource(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name))
      newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}

async function bundleIsCurrent(distDir: string): Promise<boolean> {
  const built = await stat(join(distDir, BUNDLE_FILES.script)).catch(() => undefined);
  if (!built) return false;
  const sources = await Promise.all(SOURCE_DIRS.map(newestSource));
  return Math.max(...sources) <= built.mtimeMs;
}
