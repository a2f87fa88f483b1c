import express from 'express';
import request from 'supertest';
import { securityHeaders } from '../http/security-headers';
import { onDemandBundle } from '../bundle/browser-bundle';
import { PAGE_PATHS, pageRoutes, SHELL } from './page-routes';

const bundle = onDemandBundle();
const app = express().use(securityHeaders()).use(pageRoutes(bundle));

describe('page routes', () => {
  it.each(PAGE_PATHS)('serves the app shell on %s', async (path) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(SHELL);
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.text).toContain('<script type="module" src="/assets/app.js"></script>');
  });

  it('needs nothing the CSP forbids: no inline script, scripts from self only', async () => {
    const res = await request(app).get('/');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(SHELL).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(SHELL).not.toMatch(/\son\w+=/);
  });

  it('serves the bundle (building it when missing) and its source map', async () => {
    await bundle.ready();
    const js = await request(app).get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['content-security-policy']).toContain('frame-ancestors');
    expect(js.text).toContain('sourceMappingURL=app.js.map');
    const map = await request(app).get('/assets/app.js.map');
    expect(map.status).toBe(200);
  }, 30_000);

  it('serves nothing else from the bundle folder', async () => {
    expect((await request(app).get('/assets/.build-x/app.js')).status).toBe(404);
    expect((await request(app).get('/assets/../package.json')).status).toBe(404);
    expect((await request(app).get('/assets/nothing.js')).status).toBe(404);
  });
});
