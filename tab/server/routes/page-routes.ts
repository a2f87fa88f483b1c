import express, { Router, type RequestHandler } from 'express';
import { BUNDLE_FILES } from '../bundle/bundle-files';
import type { BrowserBundle } from '../bundle/browser-bundle';

/** Where Teams loads the tab (content, configuration and personal pages) and a browser lands. */
export const PAGE_PATHS = ['/', '/tab', '/config', '/personal'];

/** The app's HTML shell: no inline script or style, so the CSP can stay `script-src 'self'`. */
export const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Pipeline CRM</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/assets/${BUNDLE_FILES.script}"></script>
  </head>
  <body>
    <div id="root"></div>
    <noscript>Pipeline CRM needs JavaScript.</noscript>
  </body>
</html>
`;

/** The HTML shell on every page path and the bundle under /assets, with the app's security headers. */
export function pageRoutes(bundle: BrowserBundle): Router {
  const bundleReady: RequestHandler = (_req, _res, next) => {
    bundle.ready().then(() => next(), next);
  };
  const router = Router();
  for (const path of PAGE_PATHS) {
    router.get(path, (_req, res) => {
      res.type('html').set('Cache-Control', 'no-cache').send(SHELL);
    });
  }
  router.use(
    '/assets',
    bundleReady,
    express.static(bundle.dir, {
      index: false,
      dotfiles: 'ignore',
      fallthrough: true,
      setHeaders: (res) => res.set('Cache-Control', 'no-cache'),
    }),
  );
  return router;
}
