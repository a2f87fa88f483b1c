import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { securityHeaders } from '../http/security-headers';
import { onDemandBundle, readManifest, writeBundle, writeManifest } from '../bundle/browser-bundle';
import { BUNDLE_MANIFEST, isContentHashed } from '../bundle/bundle-files';
import { IMMUTABLE, PAGE_PATHS, pageRoutes, shell, TEAMS_PAGE_PATHS } from './page-routes';

// A folder of its own: the build's files and manifest are checked exactly.
let dir: string;
let app: express.Express;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crm-page-routes-'));
  app = express()
    .use(securityHeaders())
    .use(pageRoutes(onDemandBundle(dir)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('page routes', () => {
  it.each(PAGE_PATHS)(
    'serves the app shell on %s, linking the built entry module, revalidated on every load',
    async (path) => {
      const res = await request(app).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      const manifest = await readManifest(dir);
      const { script, preload, teamsPreload } = manifest!;
      // The pages Teams opens also preload the Teams connection; a browser's `/` does not.
      expect(res.text).toBe(
        shell({ script, preload: TEAMS_PAGE_PATHS.has(path) ? [...teamsPreload, ...preload] : preload }),
      );
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.text).toMatch(/<script type="module" src="\/assets\/app-[A-Z2-7]{8}\.js"><\/script>/);
    },
    60_000,
  );

  it('preloads the app module and every chunk it imports statically, each a file of the build', async () => {
    const manifest = (await readManifest(dir))!;
    // The entry imports nothing statically (it starts the app at once); the app is first to preload.
    expect(manifest.preload[0]).toMatch(/^main-[A-Z2-7]{8}\.js$/);
    expect(manifest.preload.length).toBeGreaterThan(5);
    expect(manifest.preload.every((file) => manifest.files.includes(file))).toBe(true);
    expect(manifest.preload).not.toContain(manifest.script);
    // Views opened later are not on the first screen's path.
    expect(manifest.preload.some((file) => /^(PipelineBoard|DashboardView|SettingsView)-/.test(file))).toBe(
      false,
    );
    const links = async (path: string) =>
      [
        ...(await request(app).get(path)).text.matchAll(
          /<link rel="modulepreload" href="\/assets\/([^"]+)" \/>/g,
        ),
      ].map((match) => match[1]);
    expect(await links('/')).toEqual(manifest.preload);
    // Teams' pages first fetch the Teams SDK, which boot.ts asks for at once there, and no module twice.
    expect(manifest.teamsPreload.some((file) => /^teams-sdk-/.test(file))).toBe(true);
    expect(manifest.teamsPreload.filter((file) => manifest.preload.includes(file))).toEqual([]);
    expect(await links('/personal')).toEqual([...manifest.teamsPreload, ...manifest.preload]);
    const entry = await request(app).get(`/assets/${manifest.script}`);
    expect(entry.text).not.toMatch(/^import[^(]/m);
  });

  it('needs nothing the CSP forbids: no inline script, scripts from self only', async () => {
    const res = await request(app).get('/');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(res.text).not.toMatch(/\son\w+=/);
  });

  it('sends a brotli or gzip copy of a script to a browser that takes it, the same script once decoded', async () => {
    const manifest = (await readManifest(dir))!;
    const script = manifest.preload[0]!;
    expect(manifest.files).toEqual(expect.arrayContaining([`${script}.br`, `${script}.gz`]));
    const plain = await request(app).get(`/assets/${script}`).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/);

    for (const [accepts, encoding] of [
      ['gzip, deflate, br, zstd', 'br'], // what Chromium sends
      ['gzip, deflate', 'gzip'],
    ] as const) {
      const res = await request(app).get(`/assets/${script}`).set('Accept-Encoding', accepts);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/);
      expect(res.headers['content-security-policy']).toContain('frame-ancestors');
      expect(Number(res.headers['content-length'])).toBeLessThan(plain.text.length / 2);
      expect(res.text).toBe(plain.text); // decoded by the client
    }
    // A name that is not a script of the build is never looked for beside it.
    expect((await request(app).get('/assets/nothing-AAAAAAAA.js').set('Accept-Encoding', 'br')).status).toBe(
      404,
    );
  });

  it('builds content-hashed files only, each of which the manifest lists and the server serves as immutable', async () => {
    const manifest = (await readManifest(dir))!;
    const files = (await readdir(dir)).filter((file) => file !== BUNDLE_MANIFEST);
    expect([...files].sort()).toEqual([...manifest.files].sort());
    expect(files.every(isContentHashed)).toBe(true);
    expect(manifest.files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(1); // split
    expect(manifest.script).toMatch(/^app-[A-Z2-7]{8}\.js$/);

    const js = await request(app).get(`/assets/${manifest.script}`);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe(IMMUTABLE);
    expect(js.headers['content-security-policy']).toContain('frame-ancestors');
    expect(js.text).toContain(`sourceMappingURL=${manifest.script}.map`);
    const map = await request(app).get(`/assets/${manifest.script}.map`);
    expect(map.status).toBe(200);
    for (const chunk of manifest.files) expect((await request(app).get(`/assets/${chunk}`)).status).toBe(200);

    const served = await request(app).get(`/assets/${BUNDLE_MANIFEST}`);
    expect(served.headers['cache-control']).toBe('no-cache');
    expect(served.body).toEqual(manifest);
  });

  it('serves nothing else from the bundle folder', async () => {
    expect((await request(app).get('/assets/.build-x/app.js')).status).toBe(404);
    expect((await request(app).get('/assets/../package.json')).status).toBe(404);
    expect((await request(app).get('/assets/nothing.js')).status).toBe(404);
    expect((await request(app).get('/assets/app.js')).status).toBe(404);
  });
});

describe('a new build beside an old one', () => {
  it("keeps the previous build's files one more build and deletes the ones before", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'crm-rebuild-'));
    try {
      // What two earlier builds left: `old` is the current one, `older` the one kept before it.
      for (const file of ['app-OLDOLD22.js', 'View-OLDOLD33.js', 'app-OLDER222.js'])
        await writeFile(join(folder, file), '//');
      await writeManifest(folder, {
        script: 'app-OLDOLD22.js',
        files: ['app-OLDOLD22.js', 'View-OLDOLD33.js'],
        preload: [],
        teamsPreload: [],
        previous: ['app-OLDER222.js'],
      });

      const manifest = await writeBundle(folder);

      expect(manifest.previous).toEqual(['app-OLDOLD22.js', 'View-OLDOLD33.js']);
      expect(await readManifest(folder)).toEqual(manifest);
      expect((await readdir(folder)).sort()).toEqual(
        [...manifest.files, ...manifest.previous, BUNDLE_MANIFEST].sort(),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
