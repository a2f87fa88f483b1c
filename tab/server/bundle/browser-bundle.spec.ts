import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { nextManifest, prebuiltBundle, writeManifest } from './browser-bundle';
import { pageRoutes } from '../routes/page-routes';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crm-prebuilt-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('prebuiltBundle (production)', () => {
  it('refuses, saying why, when the bundle is missing, and builds nothing', async () => {
    await expect(prebuiltBundle(dir).ready()).rejects.toThrow(
      /no browser bundle at .*bundle\.json: in production .* never builds one on demand/,
    );
    const app = express().use(pageRoutes(prebuiltBundle(dir)));
    expect((await request(app).get('/tab')).status).toBe(500);
    expect((await request(app).get('/assets/app-AAAAAAAA.js')).status).toBe(500);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a manifest whose script is missing', async () => {
    await writeManifest(dir, {
      script: 'app-AAAAAAAA.js',
      files: ['app-AAAAAAAA.js'],
      preload: [],
      teamsPreload: [],
      previous: [],
    });
    await expect(prebuiltBundle(dir).ready()).rejects.toThrow(/no browser bundle at .*app-AAAAAAAA\.js/);
  });

  it('serves the bundle that was built ahead, and the previous build kept beside it', async () => {
    await writeFile(join(dir, 'app-AAAAAAAA.js'), 'console.log("prebuilt")');
    await writeFile(join(dir, 'app-BBBBBBBB.js'), 'console.log("the build before")');
    await writeManifest(dir, {
      script: 'app-AAAAAAAA.js',
      files: ['app-AAAAAAAA.js'],
      preload: [],
      teamsPreload: [],
      previous: ['app-BBBBBBBB.js'],
    });
    await expect(prebuiltBundle(dir).ready()).resolves.toMatchObject({ script: 'app-AAAAAAAA.js' });
    const app = express().use(pageRoutes(prebuiltBundle(dir)));
    expect((await request(app).get('/tab')).text).toContain('src="/assets/app-AAAAAAAA.js"');
    const res = await request(app).get('/assets/app-AAAAAAAA.js');
    expect(res.status).toBe(200);
    expect(res.text).toBe('console.log("prebuilt")');
    expect((await request(app).get('/assets/app-BBBBBBBB.js')).text).toBe('console.log("the build before")');
  });
});

describe('nextManifest', () => {
  it('keeps what the build before had and this one has not; a file both have is current, not previous', () => {
    expect(
      nextManifest(
        {
          script: 'app-NEW22222.js',
          files: ['app-NEW22222.js', 'main-MAIN2222.js', 'Chart-SAME2222.js'],
          preload: ['main-MAIN2222.js'],
          teamsPreload: [],
        },
        ['app-OLD22222.js', 'Chart-SAME2222.js'],
      ),
    ).toEqual({
      script: 'app-NEW22222.js',
      files: ['app-NEW22222.js', 'main-MAIN2222.js', 'Chart-SAME2222.js'],
      preload: ['main-MAIN2222.js'],
      teamsPreload: [],
      previous: ['app-OLD22222.js'],
    });
  });
});
