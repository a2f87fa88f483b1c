import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import express from 'express';
import { freePort } from '@crm/shared/storage';
import { readManifest, writeManifest } from '../../tab/server/bundle/browser-bundle';
import { BUNDLE_MANIFEST, isContentHashed } from '../../tab/server/bundle/bundle-files';
import { IMMUTABLE } from '../../tab/server/routes/page-routes';
import { teamsMessage } from '../../bot/src/testing/activities';
import { startConnectorStandIn } from '../../bot/src/testing/connector-stand-in';
import { startProcess, waitForHealth } from '../jest/process-under-test';
import { describeArtifacts, packageApps } from '../package-apps';
import { APP_ARTIFACTS, SERVER_FILE, START_COMMAND } from './app-artifacts';
import type { BuiltArtifact } from './build-artifact';
import { filesUnder, unzipInto } from './zip-folder';

/**
 * What App Service runs, run here first: `npm run package:apps` builds both artifacts, each zip is
 * unpacked into an empty folder outside the repository (so nothing resolves from its node_modules)
 * and started with its start command and environment variables only, against the run's Azurite.
 */
const repository = join(__dirname, '..', '..');
const connectionString = () => {
  const value = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!value) throw new Error('TEST_STORAGE_CONNECTION_STRING is not set: run as an integration test');
  return value;
};
const tablePrefix = () => `a${randomBytes(5).toString('hex')}`;

let scratch: string;
let built: Map<string, BuiltArtifact>;
const logged: string[] = [];

/** The build the deploy replaces, as the live tab serves it: its manifest, two files and a map. */
const LIVE_FILES = { 'app-OLDOLD22.js': 'import("./View-OLDOLD33.js")', 'View-OLDOLD33.js': '//view' };

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'crm-artifacts-'));
  const live = join(scratch, 'live');
  await mkdir(live);
  for (const [file, text] of Object.entries(LIVE_FILES)) await writeFile(join(live, file), text);
  await writeManifest(live, {
    script: 'app-OLDOLD22.js',
    files: [...Object.keys(LIVE_FILES), 'app-OLDOLD22.js.map'],
    preload: [],
    teamsPreload: [],
    previous: [],
  });
  const liveTab = createServer(express().use('/assets', express.static(live)));
  await new Promise<void>((done) => liveTab.listen(0, '127.0.0.1', done));
  try {
    const { port } = liveTab.address() as AddressInfo;
    const artifacts = await packageApps(join(scratch, 'build'), {
      keepAssetsFrom: `http://127.0.0.1:${port}/`,
      log: (line) => logged.push(line),
    });
    console.log(describeArtifacts(artifacts));
    built = new Map(artifacts.map((artifact) => [artifact.name, artifact]));
  } finally {
    await new Promise((done) => liveTab.close(done));
  }
}, 180_000);

afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Unpacks an artifact's zip into a new, empty folder outside the repository. */
async function unpack(name: string): Promise<string> {
  const zip = built.get(name)?.zip;
  if (!zip) throw new Error(`no ${name} artifact`);
  const dir = await mkdtemp(join(scratch, `${name}-run-`));
  expect(await readdir(dir)).toEqual([]);
  expect(relative(repository, dir).startsWith('..')).toBe(true);
  await unzipInto(zip, dir);
  return dir;
}

const startArtifact = (dir: string, env: NodeJS.ProcessEnv) =>
  startProcess(SERVER_FILE, env, { built: true, cwd: dir });

describe('the deploy artifacts (npm run package:apps)', () => {
  it('hold bundled JavaScript, a start command that needs nothing else, and no sources', async () => {
    expect(START_COMMAND).toBe(`node ${SERVER_FILE}`);
    for (const artifact of APP_ARTIFACTS) {
      const dir = await unpack(artifact.name);
      const files = await filesUnder(dir);
      expect(files).toContain(SERVER_FILE);
      expect(files.filter((file) => /\.(tsx?|map)$/.test(file))).toEqual([]);
      // node_modules only for what cannot be bundled, and nothing at all when that is nothing.
      const shipped = files.filter((file) => file.startsWith('node_modules/'));
      expect(shipped.length > 0).toBe(artifact.runtimeDependencies.length > 0);
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
        scripts: { start: string };
        dependencies: Record<string, string>;
      };
      expect(manifest.scripts.start).toBe(START_COMMAND);
      expect(Object.keys(manifest.dependencies).sort()).toEqual([...artifact.runtimeDependencies].sort());
    }
  });

  it('tab: starts from its zip in Entra mode, answers health, serves its prebuilt bundle and guards the API', async () => {
    const dir = await unpack('tab');
    // The split build, every file named by its content: the entry module and every chunk it or a
    // lazy view imports; beside it the live build's files (not its source map), kept for open pages.
    const manifest = (await readManifest(join(dir, 'public')))!;
    expect(manifest.script).toMatch(/^app-[A-Z2-7]{8}\.js$/);
    expect(manifest.previous).toEqual(Object.keys(LIVE_FILES));
    expect(logged).toEqual([
      expect.stringMatching(/keeps 2 browser files of the live build \(app-OLDOLD22\.js\)/),
    ]);
    const assets = await filesUnder(join(dir, 'public'));
    expect(assets.sort()).toEqual([...manifest.files, ...manifest.previous, BUNDLE_MANIFEST].sort());
    const chunks = manifest.files.filter((file) => file !== manifest.script);
    expect(chunks.length).toBeGreaterThan(0);
    // Scripts and their brotli and gzip copies (no source maps in a deploy).
    expect(manifest.files.every((file) => /\.js(\.br|\.gz)?$/.test(file) && isContentHashed(file))).toBe(
      true,
    );
    expect(manifest.files).toContain(`${manifest.script}.br`);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const tab = startArtifact(dir, {
      STORAGE_CONNECTION_STRING: connectionString(),
      TABLE_PREFIX: tablePrefix(),
      TAB_PORT: String(port),
      AUTH_MODE: 'entra',
      AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-00000000000a',
      AAD_APP_TENANT_ID: '00000000-0000-0000-0000-000000000001',
      // Seeding goes through the use cases and storage: the bundled server reads and writes tables.
      SEED_DEMO_DATA: 'true',
      DATA_DIR: join(scratch, `tab-data-${port}`),
    });
    try {
      await waitForHealth(url, tab.exited);
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const page = await fetch(`${url}/tab`);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain(`<script type="module" src="/assets/${manifest.script}"`);
      const script = await fetch(`${url}/assets/${manifest.script}`, {
        headers: { 'Accept-Encoding': 'gzip, deflate, br' },
      });
      expect(script.status).toBe(200);
      expect(script.headers.get('cache-control')).toBe(IMMUTABLE);
      // A browser takes brotli: the prebuilt copy is sent, and decodes to the script.
      expect(script.headers.get('content-encoding')).toBe('br');
      expect(await script.text()).toBe(await readFile(join(dir, 'public', manifest.script), 'utf8'));
      for (const chunk of chunks) expect((await fetch(`${url}/assets/${chunk}`)).status).toBe(200);
      // A page opened before the deploy still gets its build's chunks.
      const old = await fetch(`${url}/assets/View-OLDOLD33.js`);
      expect(old.status).toBe(200);
      expect(await old.text()).toBe('//view');

      const anonymous = await fetch(`${url}/api/v1/workspaces`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
      expect((await fetch(`${url}/api/dev/token`, { method: 'POST' })).status).toBe(404);
    } finally {
      tab.child.kill('SIGTERM');
    }
    expect(await tab.exited).toBe(0);
  }, 90_000);

  it('tab: refuses dev sign-in (AUTH_MODE=dev): the artifact is a production build', async () => {
    const dir = await unpack('tab');
    const tab = startArtifact(dir, {
      STORAGE_CONNECTION_STRING: connectionString(),
      TABLE_PREFIX: tablePrefix(),
      TAB_PORT: String(await freePort()),
      AUTH_MODE: 'dev',
    });
    expect(await tab.exited).toBe(1);
    expect(tab.output()).toMatch(/AUTH_MODE=dev .*production build \(NODE_ENV=production/);
  }, 60_000);

  it('tab: refuses to start without its prebuilt bundle, and never builds one', async () => {
    const dir = await unpack('tab');
    await rm(join(dir, 'public'), { recursive: true });
    const tab = startArtifact(dir, {
      STORAGE_CONNECTION_STRING: connectionString(),
      TABLE_PREFIX: tablePrefix(),
      TAB_PORT: String(await freePort()),
      AUTH_MODE: 'entra',
      AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-00000000000a',
      AAD_APP_TENANT_ID: '00000000-0000-0000-0000-000000000001',
    });
    expect(await tab.exited).toBe(1);
    expect(tab.output()).toMatch(
      /no browser bundle at .*public.bundle\.json: in production .* never builds one/,
    );
    expect(await readdir(dir)).not.toContain('public');
  }, 90_000);

  it('bot: starts from its zip, answers health and replies to an activity through the Bot Connector', async () => {
    const dir = await unpack('bot');
    const connector = await startConnectorStandIn();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const bot = startArtifact(dir, {
      STORAGE_CONNECTION_STRING: connectionString(),
      TABLE_PREFIX: tablePrefix(),
      BOT_PORT: String(port),
    });
    try {
      await waitForHealth(url, bot.exited);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const activity = teamsMessage(connector.url, 'help', {
        tenantId: '11111111-1111-1111-1111-111111111111',
        aadObjectId: 'aaaaaaaa-0000-0000-0000-00000000a11c',
        name: 'Alice',
      });
      const posted = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      expect(posted.status).toBe(200);
      const replies = connector.sent.filter((sent) => sent.replyToId === activity.id);
      expect(replies).toHaveLength(1);
      expect(replies[0]?.activity.text).toContain('**leads**');
    } finally {
      bot.child.kill('SIGTERM');
      await connector.close();
    }
    expect(await bot.exited).toBe(0);
  }, 90_000);
});
