import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACTOR } from '../tab/server/seed/demo-data';
import { startProduct } from './jest/start-product';

// The README's first command: `npm start` brings up storage and the tab server, and Ctrl-C stops
// everything cleanly (exit 0), with the data kept for the next start.
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = (env: NodeJS.ProcessEnv = {}) =>
    startProduct({
      DATA_DIR: dataDir,
      STORAGE_CONNECTION_STRING: '',
      STORAGE_ACCOUNT_URL: '',
      ...env,
    });

  it('given a fresh data folder, when started, then the tab serves health and the demo data, and Ctrl-C exits 0', async () => {
    const product = await start();
    expect((await fetch(`${product.base}/healthz`)).status).toBe(200);
    // A newcomer is told, in plain lines, where to open the tab and how to sign in, and where to chat
    // with the bot: the Agents Playground, which `npm start` runs against the bot.
    const port = new URL(product.base).port;
    await product.told(`Pipeline CRM is running: open http://localhost:${port} and press "Sign in"`);
    const playground = `http://localhost:${product.playgroundPort}`;
    await product.told(
      `Chat with the bot as Teams shows it: open ${playground} (Microsoft 365 Agents Playground)`,
    );
    expect((await fetch(playground)).status).toBe(200);
    const token = await fetch(`${product.base}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_ACTOR),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const workspaces = await fetch(`${product.base}/api/v1/workspaces`, {
      headers: { authorization: `Bearer ${token.token}` },
    }).then((r) => r.json() as Promise<{ items: unknown[] }>);
    expect(workspaces.items.length).toBeGreaterThan(0);

    expect(await product.stop()).toBe(0);
    expect(product.output()).toContain('stopped');
    await expect(fetch(playground)).rejects.toThrow(); // Ctrl-C stopped the playground too

    // What was acknowledged before Ctrl-C is there after a restart (and the demo is not seeded twice);
    // PLAYGROUND=false leaves the playground out, and the banner says so.
    const again = await start({ PLAYGROUND: 'false' });
    await again.told('(PLAYGROUND=false: the Agents Playground is not started)');
    await expect(fetch(`http://localhost:${again.playgroundPort}`)).rejects.toThrow();
    const token2 = await fetch(`${again.base}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_ACTOR),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const kept = await fetch(`${again.base}/api/v1/workspaces`, {
      headers: { authorization: `Bearer ${token2.token}` },
    }).then((r) => r.json() as Promise<{ items: unknown[] }>);
    expect(kept.items).toHaveLength(workspaces.items.length);
    expect(await again.stop()).toBe(0);
  }, 120_000);
});
