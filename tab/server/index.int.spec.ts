import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { freePort } from '@crm/shared/storage';
import { startProcess, waitForHealth } from '../../scripts/jest/process-under-test';
import { DEMO_ACTOR } from './seed/demo-data';

/** The composition root as `npm start` runs it: a real process, real storage, real signals. */
const entry = join(__dirname, 'index.ts');

const start = (env: NodeJS.ProcessEnv) => startProcess(entry, env);

type OtlpValue = { stringValue?: string; intValue?: string | number; doubleValue?: number };
type OtlpSpan = {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: { key: string; value: OtlpValue }[];
};
type OtlpTraces = { resourceSpans?: { scopeSpans?: { spans?: OtlpSpan[] }[] }[] };
type OtlpMetrics = { resourceMetrics?: { scopeMetrics?: { metrics?: { name: string }[] }[] }[] };

/** A stand-in OpenTelemetry collector: keeps what arrives on OTLP/HTTP (JSON) at /v1/traces and /v1/metrics. */
async function startOtlpReceiver() {
  const spans: OtlpSpan[] = [];
  const metricNames = new Set<string>();
  const body = async (req: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    return (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
  };
  const server = createServer((req, res) => {
    void body(req).then((text) => {
      expect(req.headers['content-type']).toMatch(/application\/json/);
      if (req.url === '/v1/traces')
        for (const resource of (JSON.parse(text) as OtlpTraces).resourceSpans ?? [])
          for (const scope of resource.scopeSpans ?? []) spans.push(...(scope.spans ?? []));
      if (req.url === '/v1/metrics')
        for (const resource of (JSON.parse(text) as OtlpMetrics).resourceMetrics ?? [])
          for (const scope of resource.scopeMetrics ?? [])
            for (const metric of scope.metrics ?? []) metricNames.add(metric.name);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    metricNames,
    close: () => new Promise((done) => server.close(done)),
  };
}

const attribute = (span: OtlpSpan, key: string) =>
  span.attributes?.find((a) => a.key === key)?.value.stringValue;

/** Polls until `found` returns something (20 s at most): exports are batched and periodic. */
async function eventually<T>(found: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = found();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never arrived: ${what}`);
}

/** The server with dev sign-in and the demo workspace, on a free port and tables of its own. */
async function startDemo(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const server = start({
    STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING,
    TABLE_PREFIX: `p${randomBytes(5).toString('hex')}`,
    TAB_PORT: String(port),
    AUTH_MODE: 'dev',
    SEED_DEMO_DATA: 'true',
    ...env,
  });
  return { url: `http://127.0.0.1:${port}`, server };
}

describe('tab/server/index.ts', () => {
  it('starts, seeds the demo workspace, signs in the demo user, and stops cleanly on SIGTERM', async () => {
    const { url, server } = await startDemo({});
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

  it('sends its traces and metrics to OTEL_EXPORTER_OTLP_ENDPOINT: a request becomes an api span with the workspace, holding its storage calls', async () => {
    const receiver = await startOtlpReceiver();
    const { url, server } = await startDemo({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_METRIC_EXPORT_INTERVAL: '500',
    });
    try {
      await waitForHealth(url, server.exited);
      const issued = await fetch(`${url}/api/dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(DEMO_ACTOR),
      });
      const { token } = (await issued.json()) as { token: string };
      const headers = { Authorization: `Bearer ${token}` };
      const mine = (await (await fetch(`${url}/api/v1/workspaces`, { headers })).json()) as {
        items: { id: string }[];
      };
      const ws = mine.items[0]!.id;
      expect((await fetch(`${url}/api/v1/workspaces/${ws}/leads`, { headers })).status).toBe(200);

      const useCase = await eventually(
        () =>
          receiver.spans.find((s) => s.name === 'api listLeads' && attribute(s, 'crm.workspace.id') === ws),
        'the api listLeads span with the workspace',
      );
      expect(attribute(useCase, 'crm.operation')).toBe('listLeads');
      const storage = await eventually(() => {
        const inside = receiver.spans.filter(
          (s) => s.parentSpanId === useCase.spanId && s.name.startsWith('storage '),
        );
        return inside.length > 0 ? inside : undefined;
      }, 'storage spans inside the use case');
      expect(storage.every((s) => s.traceId === useCase.traceId)).toBe(true);
      await eventually(
        () => (receiver.metricNames.has('http.server.request.duration') ? true : undefined),
        'the request latency metric',
      );
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await receiver.close();
    }
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
