import { Router } from 'express';

/** Where Teams loads the tab (content, configuration and personal pages) and a browser lands. */
export const PAGE_PATHS = ['/', '/tab', '/config', '/personal'];

const PLACEHOLDER = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Pipeline CRM</title>
  </head>
  <body>
    <main>
      <h1>Pipeline CRM</h1>
      <p>The API runs under <a href="/api/openapi.json">/api/v1</a>. The tab's screens arrive here next.</p>
    </main>
  </body>
</html>
`;

/** A static placeholder until the React tab is built; it gets the same headers as everything else. */
export function pageRoutes(): Router {
  const router = Router();
  for (const path of PAGE_PATHS) {
    router.get(path, (_req, res) => {
      res.type('html').set('Cache-Control', 'no-cache').send(PLACEHOLDER);
    });
  }
  return router;
}
