import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../shared/src/storage/azurite';

// The README's first command: `npm start` brings up storage and the tab server, and Ctrl-C stops
// everything cleanly (exit 0), with the data kept for the next start.
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function startProduct() {
    const [tabPort, botPort, azuritePort, queuePort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, 'start.ts')], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        TAB_PORT: String(tabPort),
        BOT_PORT: String(botPort),
        AZURITE_TABLE_PORT: String(azuritePort),
        AZURITE_QUEUE_PORT: String(queuePort),
        LOG_LEVEL: 'warn',
        STORAGE_CONNECTION_STRING: '',
        STORAGE_ACCOUNT_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const base = `http://127.0.0.1:${tabPort}`;
    const deadline = Date.now() + 45_000;
    for (;;) {
      const ready = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const stop = () =>
      new Promise<number | null>((done) => {
        child.once('exit', (code) => done(code));
        child.kill('SIGINT');
      });
    return { base, stop, output: () => output };
  }

  it('given a fresh data folder, when started, then the tab serves health and the demo data, and Ctrl-C exits 0', async () => {
    const product = await startProduct();
    expect((await fetch(`${product.base}/healthz`)).status).toBe(200);
    // A newcomer is told, in one plain line, where to open the tab and how to sign in.
    const port = new URL(product.base).port;
    while (
      !product.output().includes(`Pipeline CRM is running: open http://localhost:${port} and press "Sign in"`)
    )
      await new Promise((r) => setTimeout(r, 100));
    const token = await fetch(`${product.base}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: '00000000-0000-0000-0000-000000000001',
        userId: 'demo-user',
        name: 'Demo',
      }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const workspaces = await fetch(`${product.base}/api/v1/workspaces`, {
      headers: { authorization: `Bearer ${token.token}` },
    }).then((r) => r.json() as Promise<{ items: unknown[] }>);
    expect(workspaces.items.length).toBeGreaterThan(0);

    expect(await product.stop()).toBe(0);
    expect(product.output()).toContain('stopped');

    // What was acknowledged before Ctrl-C is there after a restart (and the demo is not seeded twice).
    const again = await startProduct();
    const token2 = await fetch(`${again.base}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: '00000000-0000-0000-0000-000000000001',
        userId: 'demo-user',
        name: 'Demo',
      }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const kept = await fetch(`${again.base}/api/v1/workspaces`, {
      headers: { authorization: `Bearer ${token2.token}` },
    }).then((r) => r.json() as Promise<{ items: unknown[] }>);
    expect(kept.items).toHaveLength(workspaces.items.length);
    expect(await again.stop()).toBe(0);
  }, 120_000);
});
