import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@crm/shared/storage';
import { startProcess, waitForHealth } from '../../scripts/jest/process-under-test';
import { DEMO_ACTOR } from './seed/demo-data';

/** The composition root as `npm start` runs it: a real process, real storage, real signals. */
const entry = join(__dirname, 'index.ts');

const start = (env: NodeJS.ProcessEnv) => startProcess(entry, env);

describe('tab/server/index.ts', () => {
  it('starts, seeds the demo workspace, signs in the demo user, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = start({
      STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING,
      TABLE_PREFIX: `p${randomBytes(5).toString('hex')}`,
      TAB_PORT: String(port),
      AUTH_MODE: 'dev',
      SEED_DEMO_DATA: 'true',
    });
    try {
      await waitForHealth(url, server.exited);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const issued = await fetch(`${url}/api/dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(DEMO_ACTOR),
      });
      const { token } = (await issued.json()) as { token: string };
      const mine = await fetch(`${url}/api/v1/workspaces`, { headers: { Authorization: `Bearer ${token}` } });
      expect(((await mine.json()) as { items: unknown[] }).items).toHaveLength(1);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 90_000);

  it('refuses dev sign-in on a non-loopback host, saying why', async () => {
    const server = start({
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      AUTH_MODE: 'dev',
      HOST: '0.0.0.0',
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/AUTH_MODE=dev .* refused unless HOST is loopback/);
  }, 90_000);
});
