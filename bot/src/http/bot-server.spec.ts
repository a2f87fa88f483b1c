import type { AddressInfo } from 'node:net';
import type { RelayMetrics } from '@crm/shared/application';
import pino from 'pino';
import type { MetricsAccess } from '../config';
import { createBotServer } from './bot-server';

/** The bot's HTTP server on loopback, its relay reporting fixed counters. */
async function serve(metrics: MetricsAccess) {
  const server = createBotServer({
    messages: async (_req, res) => void res.writeHead(200).end(),
    ready: async () => undefined,
    logger: pino({ level: 'silent' }),
    relayMetrics: () => ({ running: true, sent: 7, lagMs: 12 }) as unknown as RelayMetrics,
    metrics,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, key?: string) => {
    const res = await fetch(`${url}${path}`, key ? { headers: { authorization: `Bearer ${key}` } } : {});
    return { status: res.status, text: await res.text() };
  };
  return { get, close: () => new Promise((resolve) => server.close(resolve)) };
}

const KEY = 'm'.repeat(40);

describe('readiness and metrics are not for the internet', () => {
  it('given a metrics key, then /readyz and /metrics only with it as a bearer token; /healthz for all', async () => {
    const bot = await serve({ key: KEY });
    try {
      for (const path of ['/readyz', '/metrics']) {
        for (const key of [undefined, 'wrong', `${KEY}x`, KEY.slice(1)]) {
          const refused = await bot.get(path, key);
          expect([path, key, refused.status]).toEqual([path, key, 401]);
          expect(refused.text).not.toMatch(/relay|lag|sent/);
        }
      }
      expect(JSON.parse((await bot.get('/metrics', KEY)).text)).toEqual({
        relay: { running: true, sent: 7, lagMs: 12 },
      });
      expect(JSON.parse((await bot.get('/readyz', KEY)).text)).toMatchObject({
        status: 'ready',
        relay: { lagMs: 12 },
      });
      expect(await bot.get('/healthz')).toEqual({ status: 200, text: '{"status":"ok"}' });
    } finally {
      await bot.close();
    }
  });

  it('given an authenticated bot without a key, then both are off (404); local runs keep them open', async () => {
    const off = await serve('off');
    const open = await serve('open');
    try {
      expect((await off.get('/metrics')).status).toBe(404);
      expect((await off.get('/readyz', KEY)).status).toBe(404);
      expect((await off.get('/healthz')).status).toBe(200);
      expect((await open.get('/metrics')).status).toBe(200);
      expect((await open.get('/readyz')).status).toBe(200);
    } finally {
      await Promise.all([off.close(), open.close()]);
    }
  });
});
