import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { prebuiltBundle } from './browser-bundle';
import { pageRoutes } from '../routes/page-routes';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crm-prebuilt-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('prebuiltBundle (production)', () => {
  it('refuses, saying why, when the bundle is missing, and builds nothing', async () => {
    await expect(prebuiltBundle(dir).ready()).rejects.toThrow(
      /no browser bundle at .*app\.js: in production .* never builds one on demand/,
    );
    const app = express().use(pageRoutes(prebuiltBundle(dir)));
    expect((await request(app).get('/assets/app.js')).status).toBe(500);
    expect(await readdir(dir)).toEqual([]);
  });

  it('serves the bundle that was built ahead', async () => {
    await writeFile(join(dir, 'app.js'), 'console.log("prebuilt")');
    await expect(prebuiltBundle(dir).ready()).resolves.toBeUndefined();
    const res = await request(express().use(pageRoutes(prebuiltBundle(dir)))).get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.text).toBe('console.log("prebuilt")');
  });
});
