import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connectOutboxSignalling } from '@crm/shared/runtime';
import { connectTableStorage, freePort } from '@crm/shared/storage';
import { aLeadConvertedEvent } from '@crm/shared/testing';
import { startProcess, waitForHealth } from '../../scripts/jest/process-under-test';

/** The composition root as `npm start` runs it: a real process, real storage, real signals. */
const entry = join(__dirname, 'index.ts');

const start = (env: NodeJS.ProcessEnv) => startProcess(entry, env);

describe('bot/src/index.ts', () => {
  it('starts with its relay, answers /healthz, /readyz and /metrics (with BOT_METRICS_KEY), and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const key = randomBytes(24).toString('hex');
    const bot = start({
      STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING,
      TABLE_PREFIX: `b${randomBytes(5).toString('hex')}`,
      BOT_PORT: String(port),
      BOT_METRICS_KEY: key,
    });
    const withKey = { headers: { authorization: `Bearer ${key}` } };
    try {
      await waitForHealth(url, bot.exited);
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${url}/readyz`)).status).toBe(401);
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const readyz = await fetch(`${url}/readyz`, withKey);
      expect(readyz.status).toBe(200);
      // The relay runs in the bot process; its lag and counters show in /readyz and /metrics.
      expect(await readyz.json()).toMatchObject({ status: 'ready', relay: { running: true, lagMs: 0 } });
      expect(await (await fetch(`${url}/metrics`, withKey)).json()).toMatchObject({
        relay: { running: true, sent: 0, failures: 0 },
      });
      expect((await fetch(`${url}/api/messages`)).status).toBe(405);
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 90_000);

  it('delivers through its relay what another process commits (queue signal across processes)', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING ?? '';
    const tablePrefix = `b${randomBytes(5).toString('hex')}`;
    const bot = start({
      STORAGE_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: tablePrefix,
      BOT_PORT: String(port),
    });
    try {
      await waitForHealth(url, bot.exited);
      // This test process commits as the tab server does: its records repository marks and signals.
      const storage = connectTableStorage({ connectionString }, { tablePrefix });
      const log = { info() {}, warn() {}, error() {}, debug() {} };
      const signalling = await connectOutboxSignalling({ connectionString }, storage, { tablePrefix, log });
      const event = aLeadConvertedEvent({ workspaceId: 'ws-across-processes' });
      expect((await signalling.records().commit(event.workspaceId, { writes: [], events: [event] })).ok).toBe(
        true,
      );

      // No Teams channel is wired yet, so the event has no target: the relay finishes it at once.
      for (let i = 0; i < 200; i++) {
        const metrics = (await (await fetch(`${url}/metrics`)).json()) as {
          relay: { eventsDelivered: number };
        };
        if (metrics.relay.eventsDelivered === 1) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await (await fetch(`${url}/metrics`)).json()).toMatchObject({
        relay: { eventsDelivered: 1, signalsReceived: 1, failures: 0 },
      });
      expect(await storage.outbox.pending(event.workspaceId, 10)).toEqual([]);
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
  }, 90_000);

  it('refuses to start without BOT_ID on a non-loopback host, saying why', async () => {
    const bot = start({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', HOST: '0.0.0.0' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(
      /BOT_ID: without BOT_ID .* refused unless HOST is loopback \(got 0\.0\.0\.0\)/,
    );
  }, 90_000);
});
