import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import { buildBundle, BUNDLE_FILES } from '../bundle/build-bundle';

/** Where Teams loads the tab (content, configuration and personal pages) and a browser lands. */
export const PAGE_PATHS = ['/', '/tab', '/config', '/personal'];

export const APP_ENTRY = resolve(__dirname, '../../src/main.tsx');
export const DIST_DIR = resolve(__dirname, '../../dist');
/** What the bundle is made of: a bundle older than any of these files is rebuilt. */
const SOURCE_DIRS = [resolve(__dirname, '../../src'), resolve(__dirname, '../../../shared/src')];

/** The app's HTML shell: no inline script or style, so the CSP can stay `script-src 'self'`. */
export const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Pipeline CRM</title>
    <link rel="icon" href="data:," />
    <script src="/assets/${BUNDLE_FILES.script}" defer></script>
  </head>
  <body>
    <div id="root"></div>
    <noscript>Pipeline CRM needs JavaScript.</noscript>
  </body>
</html>
`;

/**
 * Builds the bundle into `distDir`: into a private folder first, then renamed file by file, so a
 * reader (or a second process building at the same time) never sees half a bundle.
 */
export async function writeBundle(distDir: string = DIST_DIR): Promise<void> {
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

let ensured: Promise<void> | undefined;

/**
 * Once per process, before the first asset is served: builds the bundle when it is missing (a fresh
 * `npm ci`) or older than its sources (a checkout moved on). About a second; a deployment without
 * sources keeps the bundle it shipped with.
 */
export function ensureBundle(distDir: string = DIST_DIR): Promise<void> {
  ensured ??= bundleIsCurrent(distDir)
    .then((current) => (current ? undefined : writeBundle(distDir)))
    .catch((error: unknown) => {
      ensured = undefined;
      throw error;
    });
  return ensured;
}

const bundleReady: RequestHandler = (_req, _res, next) => {
  ensureBundle().then(() => next(), next);
};

/** The HTML shell on every page path and the bundle under /assets, with the app's security headers. */
export function pageRoutes(): Router {
  const router = Router();
  for (const path of PAGE_PATHS) {
    router.get(path, (_req, res) => {
      res.type('html').set('Cache-Control', 'no-cache').send(SHELL);
    });
  }
  router.use(
    '/assets',
    bundleReady,
    express.static(DIST_DIR, {
      index: false,
      dotfiles: 'ignore',
      fallthrough: true,
      setHeaders: (res) => res.set('Cache-Control', 'no-cache'),
    }),
  );
  return router;
}
