import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { StorageBusyError, type Actor } from '@crm/shared';
import type { ImportDeps } from '@crm/shared/application';
import { aLeadConvertedEvent } from '@crm/shared/testing';
import { createDevTokenIssuer } from '../auth/dev-token-issuer';
import { createLogger } from '../http/logging';
import { csvExtension, type CsvExtensionOptions } from '../imports/csv-extension';
import { createImportWorker, type ImportWorker } from '../imports/import-worker';
import { PAGE_PATHS } from '../routes/page-routes';
import {
  KINDS,
  SCENARIOS,
  validBody,
  type Call,
  type Plural,
  type ScenarioContext,
  type ServerName,
} from '../testing/api-scenarios';
import {
  conformanceOf,
  mountedRoutes,
  recording,
  type DocumentedOperation,
  type Exchange,
} from '../testing/openapi-conformance';
import { ALICE, BOB, startTestServer, testStorage, type TestServer } from '../testing/test-server';
import { TEST_CLIENT_ID } from '../testing/test-tokens';

/**
 * The served OpenAPI document against the real server on Azurite: every documented operation is
 * driven (its success, the errors it shares with its kind, and its own), and every answer any server
 * here gives — setup calls included — is checked against the document: status, media type, headers,
 * body (JSON Schema 2020-12, Ajv). It also fails when a mounted route is not documented, or a
 * documented operation has no scenario in tab/server/testing/api-scenarios.ts.
 */
type Doc = Record<string, unknown>;
type Server = {
  readonly http: ReturnType<typeof request>;
  readonly base: TestServer;
  readonly worker: ImportWorker;
};

const violations: string[] = [];
const observed = new Map<string, Set<number>>();
let checked = 0;
let doc: Doc;
let conformance: ReturnType<typeof conformanceOf>;
const servers = {} as Record<ServerName, Server>;
const dataDirs: string[] = [];
let ws: string;
let mainDeps: Awaited<ReturnType<typeof testStorage>>;
let channels = 0;
const tag = () => `c${++channels}${Date.now().toString(36)}`;

const onExchange = (exchange: Exchange) => {
  checked += 1;
  const { operationId, problems } = conformance.check(exchange);
  if (operationId) observed.set(operationId, (observed.get(operationId) ?? new Set()).add(exchange.status));
  if (problems.length > 0)
    violations.push(
      `${exchange.method} ${exchange.url} → ${exchange.status}${operationId ? ` (${operationId})` : ''} ` +
        `[${exchange.server} server]: ${problems.join('; ')}`,
    );
};

/** Every call of the repository throws what `fault` makes. */
const failing = <T extends object>(repository: T, fault: () => Error): T =>
  new Proxy(repository, {
    get: (object, key) =>
      typeof (object as Record<string | symbol, unknown>)[key] === 'function'
        ? () => {
            throw fault();
          }
        : (object as Record<string | symbol, unknown>)[key],
  });

/**
 * Storage that fails every call: down (a bug-like error: the 500, and /readyz's 503), or busy (what
 * the storage layer throws once its retries give up: 503 STORAGE.BUSY with Retry-After).
 */
const outage = (deps: ImportDeps, fault: () => Error): ImportDeps => ({
  ...deps,
  records: failing(deps.records, fault),
  workspaces: failing(deps.workspaces, fault),
  outbox: failing(deps.outbox, fault),
  importJobs: failing(deps.importJobs, fault),
  teams: failing(deps.teams, fault),
  conversations: failing(deps.conversations, fault),
});
const down = () => new Error('storage is down (conformance test)');
const busy = () =>
  new StorageBusyError('Storage answered 503 ServerBusy (conformance test)', {
    retryAfterMs: 2_000,
    ambiguous: false,
  });

async function startServer(
  name: ServerName,
  deps: ImportDeps,
  limits: Omit<CsvExtensionOptions, 'worker' | 'dataDir'>,
  options: { paused?: boolean; addressLimit?: number } = {},
): Promise<Server> {
  const dataDir = await mkdtemp(join(tmpdir(), `crm-conformance-${name}-`));
  dataDirs.push(dataDir);
  const worker = createImportWorker(deps, { dataDir, logger: createLogger('silent') });
  if (options.paused) await worker.stop();
  const base = await startTestServer({
    app: deps,
    ...(process.env.CONFORMANCE_LOG ? { logger: createLogger('error') } : {}),
    devTokens: await createDevTokenIssuer(TEST_CLIENT_ID),
    extensions: [csvExtension(deps, { worker, dataDir, ...limits })],
    ...(options.addressLimit !== undefined
      ? { addressRateLimit: { windowMs: 600_000, limit: options.addressLimit } }
      : {}),
  });
  return {
    base,
    worker,
    http: request(
      recording(name, base.app, onExchange, (error) =>
        violations.push(`the checker failed: ${String(error)}`),
      ),
    ),
  };
}

const operationById = (): Map<string, DocumentedOperation> =>
  new Map(conformance.operations.map((op) => [op.operationId, op]));

const secured = (op: DocumentedOperation): boolean =>
  Array.isArray(op.operation.security) && op.operation.security.length > 0;

type Answer = { status: number; body: unknown; headers: Record<string, string>; text: string };

async function send(op: DocumentedOperation, call: Call): Promise<Answer> {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = call.params?.[name] ?? (name === 'ws' ? ws : undefined);
    if (value === undefined) throw new Error(`${op.operationId}: the call names no ${name}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(call.query ?? {}))
    for (const one of typeof value === 'string' ? [value] : value) query.append(name, one);
  const url = `${path}${query.size > 0 ? `?${query}` : ''}`;
  const server = servers[call.server ?? 'main'];
  let req = server.http[op.method as 'get' | 'post' | 'patch' | 'delete'](url);
  const actor: Actor | null = call.as === undefined ? (secured(op) ? ALICE : null) : call.as;
  if (actor) req = req.set('Authorization', `Bearer ${await server.base.tokenFor(actor)}`);
  for (const [name, value] of Object.entries(call.headers ?? {})) req = req.set(name, value);
  const res = await (call.raw
    ? req.set('Content-Type', call.raw.type).send(call.raw.data)
    : call.body !== undefined
      ? req.send(call.body as object)
      : req);
  return {
    status: res.status,
    body: res.body,
    headers: res.headers as Record<string, string>,
    text: res.text,
  };
}

const sendById = async (operationId: string, call: Call): Promise<Answer> => {
  const op = operationById().get(operationId);
  if (!op) throw new Error(`The document has no operation ${operationId}`);
  return send(op, call);
};

/** Setup calls must work: a failure here would make the operation under test fail for another reason. */
const expectStatus = (answer: Answer, status: number, what: string): Answer => {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer;
};

const ctx: ScenarioContext = {
  get ws() {
    return ws;
  },
  async workspace(members: readonly Actor[] = []) {
    const created = expectStatus(
      await sendById('createWorkspace', { body: { name: 'Scenario' } }),
      201,
      'workspace',
    );
    const id = (created.body as { id: string }).id;
    for (const member of members)
      expectStatus(
        await sendById('addMember', { params: { ws: id }, body: { userId: member.userId, role: 'member' } }),
        201,
        'member',
      );
    return id;
  },
  async create(plural, body = {}, inWs = ws) {
    const kind = KINDS[plural as Plural];
    const full = { ...(await validBody(ctx, plural as Plural, inWs)), ...body };
    const created = expectStatus(
      await sendById(`create${kind}`, { params: { ws: inWs }, body: full }),
      201,
      `create ${plural}`,
    );
    return { id: (created.body as { id: string }).id, etag: created.headers.etag ?? '' };
  },
  async deleted(plural) {
    const { id, etag } = await ctx.create(plural);
    const kind = KINDS[plural as Plural];
    expectStatus(
      await sendById(`delete${kind}`, { params: { id }, headers: { 'If-Match': etag } }),
      204,
      'delete',
    );
    return id;
  },
  async convertedLead() {
    const { id } = await ctx.create('leads');
    const converted = expectStatus(
      await sendById('convertLead', { params: { id }, body: {} }),
      200,
      'convert',
    );
    return { id, etag: (converted.body as { lead: { etag: string } }).lead.etag };
  },
  async subscribedChannel() {
    const conversationId = `19:${tag()}@thread.tacv2`;
    const teamId = `19:team-${tag()}@thread.tacv2`;
    const saved = await mainDeps.conversations.saveSubscription({
      workspaceId: ws,
      teamId,
      conversationId,
      address: { conversation: { id: conversationId, name: 'Wins' } },
      topics: ['conversions', 'stages', 'won'],
      updatedAt: new Date().toISOString(),
      updatedBy: ALICE.userId,
    });
    if (!saved.ok) throw new Error(`channel: ${saved.error.code}`);
    const listed = expectStatus(await sendById('listChannels', {}), 200, 'channels');
    const channel = (listed.body as { items: { conversationId: string; etag: string }[] }).items.find(
      (c) => c.conversationId === conversationId,
    );
    if (!channel) throw new Error('channel: not listed');
    return { conversationId, etag: channel.etag };
  },
  async deadLetter() {
    // Older than anything else in the outbox, so it is the first pending event.
    const event = aLeadConvertedEvent({
      workspaceId: ws,
      id: `dl${tag()}`,
      occurredAt: '2000-01-01T00:00:00.000Z',
    });
    const committed = await mainDeps.records.commit(ws, { writes: [], events: [event] });
    if (!committed.ok) throw new Error(`dead letter: ${committed.error.code}`);
    const [entry] = await mainDeps.outbox.pending(ws, 1);
    if (entry?.event.id !== event.id) throw new Error('dead letter: not the first pending event');
    if (!(await mainDeps.outbox.deadLetter(ws, entry, undefined, new Date().toISOString())))
      throw new Error('dead letter: not moved');
    return event.id;
  },
  send: sendById,
  importsIdle: () => servers.main.worker.idle(),
};

beforeAll(async () => {
  const deps = await testStorage('oas');
  mainDeps = deps;
  const limits = { inlineMaxRows: 2, maxBytes: 32 * 1024 };
  servers.main = await startServer('main', deps, limits);
  // The document is read once, unrecorded, to build the checker; getOpenApiDocument reads it again.
  doc = (await request(servers.main.base.app).get('/api/openapi.json')).body as Doc;
  conformance = conformanceOf(doc);
  servers.limited = await startServer('limited', deps, limits, { addressLimit: 1 });
  servers.broken = await startServer('broken', outage(deps, down), limits, { paused: true });
  servers.busy = await startServer('busy', outage(deps, busy), limits, { paused: true });
  servers.paused = await startServer('paused', deps, { ...limits, maxJobsPerWorkspace: 1 }, { paused: true });
  servers.full = await startServer('full', deps, { ...limits, spoolLimitBytes: 0 }, { paused: true });
  // The limited server lets one request through its address limit, then refuses everything.
  await servers.limited.http.get('/api/v1/workspaces');
  ws = await ctx.workspace([BOB]);
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.worker.stop()));
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the served document', () => {
  it('is well-formed: every $ref resolves, every schema compiles, operations are named and described', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(conformance.selfCheck()).toEqual([]);
    const ids = conformance.operations.map((op) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const badlyNamed = conformance.operations
      .filter(
        (op) =>
          !/^[a-z][a-zA-Z0-9]+$/.test(op.operationId) ||
          !op.operation.summary ||
          String(op.operation.description ?? '').length < 40,
      )
      .map((op) => op.operationId);
    expect(badlyNamed).toEqual([]);
  });

  it('documents every route the server mounts, and mounts every operation it documents', () => {
    const pages = new Set(PAGE_PATHS);
    const mounted = mountedRoutes(servers.main.base.app as never).filter(
      (r) => !(r.method === 'get' && pages.has(r.path)),
    );
    const documentedPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
    const undocumented = mounted
      .filter((r) => {
        const path = conformance.pathOf(documentedPath(r.path));
        if (!path || path !== documentedPath(r.path)) return true;
        return (
          r.method !== '*' && !conformance.operations.some((op) => op.path === path && op.method === r.method)
        );
      })
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(undocumented).toEqual([]);
    const unmounted = conformance.operations
      .filter((op) => !mounted.some((r) => documentedPath(r.path) === op.path && r.method === op.method))
      .map((op) => `${op.operationId} (${op.method.toUpperCase()} ${op.path})`);
    expect(unmounted).toEqual([]);
  });

  it('has a scenario for every operation, and no scenario for an operation it does not have', () => {
    const ids = new Set(conformance.operations.map((op) => op.operationId));
    const missing = [...ids]
      .filter((id) => !SCENARIOS[id])
      .map((id) => `${id}: add SCENARIOS.${id} to tab/server/testing/api-scenarios.ts`);
    expect(missing).toEqual([]);
    expect(Object.keys(SCENARIOS).filter((id) => !ids.has(id))).toEqual([]);
  });
});

/** The errors every operation of its kind shares, derived from its successful call. */
function sharedCalls(op: DocumentedOperation, ok: Call): [number, Call][] {
  const json = Boolean(
    (op.operation.requestBody as { content?: Record<string, unknown> } | undefined)?.content?.[
      'application/json'
    ],
  );
  const ifMatch = (op.operation.parameters as { $ref?: string }[] | undefined)?.find((p) =>
    p.$ref?.includes('IfMatch'),
  );
  const { 'If-Match': _, ...withoutIfMatch } = ok.headers ?? {};
  const calls: [number, Call][] = [
    [401, { ...ok, as: null, code: 'AUTH.UNAUTHENTICATED' }],
    [429, { ...ok, server: 'limited', code: 'REQUEST.RATE_LIMITED' }],
    [500, { ...ok, server: 'broken', code: 'SERVER.INTERNAL' }],
    [503, { ...ok, server: 'busy', code: 'STORAGE.BUSY' }],
    [404, { ...ok, params: { ...ok.params, ws: 'no-such-workspace' }, code: 'WORKSPACE.NOT_FOUND' }],
  ];
  if (json) {
    calls.push(
      [
        400,
        {
          ...ok,
          body: undefined,
          raw: { type: 'application/json', data: '{"name":' },
          code: 'REQUEST.MALFORMED',
        },
      ],
      [
        413,
        {
          ...ok,
          body: undefined,
          raw: { type: 'application/json', data: JSON.stringify('x'.repeat(200_000)) },
          code: 'REQUEST.TOO_LARGE',
        },
      ],
      [
        415,
        {
          ...ok,
          body: undefined,
          raw: { type: 'text/plain', data: 'name=x' },
          code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        },
      ],
    );
  }
  if (ifMatch)
    calls.push([
      412,
      { ...ok, headers: { ...ok.headers, 'If-Match': '"c3RhbGU"' }, code: 'CONCURRENCY.STALE' },
    ]);
  if (ifMatch?.$ref?.endsWith('/IfMatch'))
    calls.push([428, { ...ok, headers: withoutIfMatch, code: 'CONCURRENCY.VERSION_REQUIRED' }]);
  // What the operation is decides which of these apply, not what its responses list: an error the
  // document forgot is then an undocumented status.
  return calls.filter(([status]) => {
    if (status === 401 || status === 429 || status === 500 || status === 503) return secured(op);
    if (status === 404) return op.path.includes('{ws}');
    return true;
  });
}

const describeCall = (call: Call): string =>
  JSON.stringify({ ...call, raw: call.raw ? `${call.raw.type}, ${call.raw.data.length} bytes` : undefined });

describe('every documented operation, driven against the real server', () => {
  const ids = Object.keys(SCENARIOS);
  it.each(ids)('%s', async (operationId) => {
    const op = operationById().get(operationId);
    const scenario = SCENARIOS[operationId];
    if (!op || !scenario) throw new Error(`${operationId} is not in the document`);
    const before = violations.length;
    const documented = Object.keys(op.operation.responses as object).map(Number);
    const triggered = new Set<number>();
    const expectAnswer = async (status: number, call: Call) => {
      const answer = await send(op, call);
      const code = (answer.body as { code?: unknown } | undefined)?.code;
      if (answer.status !== status || (call.code && code !== call.code))
        throw new Error(
          `${operationId}: expected ${status}${call.code ? ` ${call.code}` : ''} for ${describeCall(call)}, ` +
            `got ${answer.status} ${answer.text.slice(0, 300)}`,
        );
      triggered.add(status);
    };

    const ok = await scenario.ok(ctx);
    for (const [status, call] of sharedCalls(op, ok)) await expectAnswer(status, call);
    for (const [status, steps] of Object.entries(scenario.also ?? {}))
      for (const step of Array.isArray(steps) ? steps : [steps])
        await expectAnswer(Number(status), await step(ctx));
    await expectAnswer(Math.min(...documented.filter((s) => s < 300)), ok);

    const untriggered = scenario.untriggered ?? {};
    const uncovered = documented
      .filter((s) => !triggered.has(s) && !untriggered[s])
      .map(
        (s) =>
          `${operationId} documents ${s} but no call triggers it: add also[${s}] to SCENARIOS.${operationId} ` +
          `(tab/server/testing/api-scenarios.ts), or untriggered[${s}] with the reason`,
      );
    expect(uncovered).toEqual([]);
    expect(Object.keys(untriggered).filter((s) => !documented.includes(Number(s)))).toEqual([]);
    expect(violations.slice(before)).toEqual([]);
  });
});

describe('answers outside the operations', () => {
  it('a documented path with another method answers 405 with Allow; an unknown path 404', async () => {
    const paths = [...new Set(conformance.operations.map((op) => op.path))];
    const before = violations.length;
    const token = `Bearer ${await servers.main.base.tokenFor(ALICE)}`;
    for (const path of paths) {
      const methods = conformance.operations.filter((op) => op.path === path).map((op) => op.method);
      const other = ['put', 'patch', 'delete', 'post', 'get'].find((m) => !methods.includes(m)) as 'put';
      const url = path.replace('{ws}', ws).replace(/\{\w+\}/g, 'some-id');
      const res = await servers.main.http[other](url).set('Authorization', token);
      expect({ path, status: res.status }).toEqual({ path, status: 405 });
    }
    const unknown = await servers.main.http.get('/api/v1/no-such-thing').set('Authorization', token);
    expect(unknown.status).toBe(404);
    expect(violations.slice(before)).toEqual([]);
  });

  it('every answer any server gave in this file matched the document', () => {
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(conformance.operations.length * 3);
    // The figures the issue asks for: operations, and answers checked against the document.
    process.stdout.write(
      `OpenAPI conformance: ${conformance.operations.length} operations, ${checked} responses checked, ` +
        `${[...observed.values()].reduce((n, s) => n + s.size, 0)} (operation, status) pairs seen\n`,
    );
  });
});
