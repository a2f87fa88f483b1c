import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import { isContentHashed } from '../bundle/bundle-files';
import type { BrowserBundle } from '../bundle/browser-bundle';
import type { BundleManifest } from '../bundle/bundle-files';
import { PRECOMPRESSED } from '../bundle/compress-bundle';

/** Where Teams loads the tab (content, configuration and personal pages) and a browser lands. */
export const PAGE_PATHS = ['/', '/tab', '/config', '/personal'];
/** The pages the app package points Teams at (a browser lands on `/`): they preload the Teams connection too. */
export const TEAMS_PAGE_PATHS: ReadonlySet<string> = new Set(['/tab', '/config', '/personal']);

/**
 * The app's HTML shell linking the build's entry module (`app-<hash>.js`) and preloading the modules
 * the first screen needs (fetched in parallel from the start rather than found one import at a time):
 * no inline script or style, so the CSP can stay `script-src 'self'`.
 */
export const shell = ({ script, preload }: Pick<BundleManifest, 'script' | 'preload'>) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Pipeline CRM</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/assets/${script}"></script>
${preload.map((file) => `    <link rel="modulepreload" href="/assets/${file}" />\n`).join('')}
  </head>
  <body>
    <div id="root"></div>
    <noscript>Pipeline CRM needs JavaScript.</noscript>
  </body>
</html>
`;

/** Content-hashed files never change: a year, and no revalidation while the page lives. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The HTML shell on every page path and the bundle under /assets, with the app's security headers.
 * The shell and the manifest are revalidated on every load (`no-cache`), so a deploy is seen at the
 * next load; the hashed scripts and chunks they name are cached as immutable.
 */
export function pageRoutes(bundle: BrowserBundle): Router {
  const bundleReady: RequestHandler = (_req, _res, next) => {
    bundle.ready().then(() => next(), next);
  };
  const router = Router();
  for (const path of PAGE_PATHS) {
    router.get(path, (_req, res, next) => {
      bundle.ready().then((manifest) => {
        const preload = TEAMS_PAGE_PATHS.has(path)
          ? [...manifest.teamsPreload, ...manifest.preload]
          : manifest.preload;
        res
          .type('html')
          .set('Cache-Control', 'no-cache')
          .send(shell({ script: manifest.script, preload }));
      }, next);
    });
  }
  router.use(
    '/assets',
    bundleReady,
    precompressedScripts(bundle.dir),
    express.static(bundle.dir, {
      index: false,
      dotfiles: 'ignore',
      fallthrough: true,
      // The manifest (which the next deploy reads to keep this build's files) and any unhashed
      // leftover: revalidated each time.
      setHeaders: (res, path) => res.set('Cache-Control', isContentHashed(path) ? IMMUTABLE : 'no-cache'),
    }),
  );
  return router;
}

/**
 * A script asked for by a browser that takes brotli or gzip gets the build's compressed copy
 * (`compress-bundle.ts`): a third of the bytes, compressed once at build time. App Service on Linux
 * sends what the app sends, uncompressed otherwise. Anything else (no copy, another file, a client
 * that takes neither) goes on to the plain file.
 */
function precompressedScripts(dir: string): RequestHandler {
  return (req, res, next) => {
    const file = req.path.slice(1);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !file.endsWith('.js') || !isContentHashed(file))
      return next();
    // Only a file of the folder itself: the hash pattern checks the end of the name, not its folders.
    if (file.includes('/') || file.includes('\\')) return next();
    res.vary('Accept-Encoding');
    // Ours first (brotli is smaller), whatever order the browser lists them in.
    const copy = PRECOMPRESSED.find(({ encoding }) => req.acceptsEncodings(encoding) === encoding);
    if (!copy) return next();
    const path = join(dir, `${file}${copy.suffix}`);
    stat(path).then(
      (found) => {
        if (!found.isFile()) return next();
        res.set({
          'Content-Type': 'text/javascript; charset=utf-8',
          'Content-Encoding': copy.encoding,
          'Cache-Control': IMMUTABLE,
        });
        res.sendFile(path, (error) => {
          if (error && !res.headersSent) next(error);
        });
      },
      () => next(),
    );
  };
}
