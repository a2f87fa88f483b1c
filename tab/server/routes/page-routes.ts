import express, { Router, type RequestHandler } from 'express';
import { isContentHashed } from '../bundle/bundle-files';
import type { BrowserBundle } from '../bundle/browser-bundle';
import type { BundleManifest } from '../bundle/bundle-files';

/** Where Teams loads the tab (content, configuration and personal pages) and a browser lands. */
export const PAGE_PATHS = ['/', '/tab', '/config', '/personal'];

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
        res.type('html').set('Cache-Control', 'no-cache').send(shell(manifest));
      }, next);
    });
  }
  router.use(
    '/assets',
    bundleReady,
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
