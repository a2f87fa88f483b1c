import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BUNDLE_MANIFEST, parseManifest, type BundleManifest } from './bundle-files';
import type { BuiltBundle } from './build-bundle';
import { precompress } from './compress-bundle';

/** The entry module the shell links: it starts the app (and, framed, the Teams SDK) at once. */
const APP_ENTRY = resolve(__dirname, '../../src/boot.ts');
/**
 * What the shell preloads (`modulepreload`: fetched and compiled at once, run when imported), with
 * everything each imports statically: the app the entry starts, then the signed-in part and My day,
 * which the app imports lazily so that the sign-in form does not wait for them to run, but which
 * every first screen reaches.
 */
/** What the pages Teams opens preload as well: the Teams connection boot.ts starts at once when framed. */
const TEAMS_PRELOADED_MODULES = [
  resolve(__dirname, '../../src/teams/teams-host.ts'),
  resolve(__dirname, '../../src/teams/teams-sdk.ts'),
];

const PRELOADED_MODULES = [
  resolve(__dirname, '../../src/main.tsx'),
  resolve(__dirname, '../../src/app/WorkspaceArea.tsx'),
  resolve(__dirname, '../../src/my-day/MyDayView.tsx'),
];
/** The folder beside the bundled server where the deploy artifact keeps the prebuilt browser bundle. */
export const PACKAGED_ASSETS_FOLDER = 'public';
export const DIST_DIR = resolve(__dirname, '../../dist');
/** What the bundle is made of: a bundle older than any of these files is rebuilt. */
const SOURCE_DIRS = [resolve(__dirname, '../../src'), resolve(__dirname, '../../../shared/src')];

/** Where the pages' script comes from, chosen by the composition root. */
export type BrowserBundle = {
  /** The folder served under /assets. */
  readonly dir: string;
  /** Settles, with its manifest, once `dir` holds a bundle that may be served; rejects, saying why, when it cannot. */
  ready(): Promise<BundleManifest>;
};

/** Remembers success; a failure is tried again on the next call. */
function once<T>(task: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
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
  return {
    dir,
    ready: once(async () => {
      const manifest = await readManifest(dir);
      const script = join(dir, manifest?.script ?? BUNDLE_MANIFEST);
      const found = manifest && (await stat(script).catch(() => undefined));
      if (!manifest || !found?.isFile()) {
        throw new Error(
          `no browser bundle at ${script}: in production the tab serves only a ` +
            'bundle built ahead of time (npm run package:apps) and never builds one on demand',
        );
      }
      return manifest;
    }),
  };
}

/** The manifest in `dir`, undefined when there is none (or it is not one). */
export async function readManifest(dir: string): Promise<BundleManifest | undefined> {
  const text = await readFile(join(dir, BUNDLE_MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return parseManifest(text);
  } catch {
    return undefined;
  }
}

/** Writes the manifest through a private file renamed over the old one: a reader sees the old or the new. */
export async function writeManifest(dir: string, manifest: BundleManifest): Promise<void> {
  const temporary = join(dir, `.${BUNDLE_MANIFEST}-${randomBytes(6).toString('hex')}`);
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, join(dir, BUNDLE_MANIFEST));
}

/**
 * The manifest of `built`, the new build in a folder that held `before`: the files `before` had and
 * `built` has not stay one more build (`previous`), for pages still running it.
 */
export function nextManifest(built: BuiltBundle, before: readonly string[]): BundleManifest {
  const current = new Set(built.files);
  return {
    script: built.script,
    files: built.files,
    preload: built.preload,
    teamsPreload: built.teamsPreload,
    previous: before.filter((file) => !current.has(file)),
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
      const manifest = await readManifest(dir);
      if (manifest && (await bundleIsCurrent(dir, manifest))) return manifest;
      return writeBundle(dir);
    }),
  };
}

/**
 * The app's bundle as development and the deploy artifacts build it, into `outdir`: the entry, what
 * the shell preloads, every script with its compressed copies (`best`: brotli quality 11, for
 * deploys). esbuild is loaded here only, so a server that never builds never loads it.
 */
export async function buildAppBundle(
  outdir: string,
  { sourcemap = true, compression = 'quick' }: { sourcemap?: boolean; compression?: 'best' | 'quick' } = {},
): Promise<BuiltBundle> {
  const { buildBundle } = await import('./build-bundle');
  const built = await buildBundle({
    entry: APP_ENTRY,
    preload: PRELOADED_MODULES,
    teamsPreload: TEAMS_PRELOADED_MODULES,
    outdir,
    sourcemap,
  });
  return precompress(outdir, built, compression);
}

/**
 * Builds the bundle into `distDir`: into a private folder first, then renamed file by file, and the
 * manifest naming the new script last, so a reader (or a second process building at the same time)
 * never sees half a bundle. The previous build's files stay for one more build, as in a deploy; the
 * ones before are deleted.
 */
export async function writeBundle(distDir: string = DIST_DIR): Promise<BundleManifest> {
  const staging = join(distDir, `.build-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  try {
    const built = await buildAppBundle(staging);
    for (const file of await readdir(staging)) await rename(join(staging, file), join(distDir, file));
    const before = await readManifest(distDir);
    const manifest = nextManifest(built, before?.files ?? []);
    await writeManifest(distDir, manifest);
    const kept = new Set([...manifest.files, ...manifest.previous]);
    for (const dropped of before?.previous ?? [])
      if (!kept.has(dropped)) await rm(join(distDir, dropped), { force: true });
    return manifest;
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

async function bundleIsCurrent(distDir: string, manifest: BundleManifest): Promise<boolean> {
  const built = await stat(join(distDir, manifest.script)).catch(() => undefined);
  if (!built) return false;
  const sources = await Promise.all(SOURCE_DIRS.map(newestSource));
  return Math.max(...sources) <= built.mtimeMs;
}
