import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from './app';
import { createTokenVerifier } from './auth/token-verifier';
import { createLogger } from './http/logging';
import { TEAMS_FRAME_ANCESTORS } from './http/security-headers';
import { apiRoutes } from './routes/api-routes';
import { PAGE_PATHS } from './routes/page-routes';
import { TEST_CLIENT_ID } from './testing/test-tokens';
import { ALICE, BOB, startTestServer, workspaceWith, type TestServer } from './testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});

describe('health', () => {
  it('answers /healthz and /readyz without a token', async () => {
    expect((await server.http.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await server.http.get('/readyz')).body).toEqual({ status: 'ready' });
  });

  it('is not ready when storage does not answer', async () => {
    const down = await startTestServer({
      app: server.deps,
      ready: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.1:10002')),
    });
    const res = await down.http.get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('SERVER.NOT_READY');
    expect(res.text).not.toContain('ECONNREFUSED');
  });
});

describe('pages and headers', () => {
  it.each(PAGE_PATHS)('serves %s as HTML that Teams may frame', async (path) => {
    const res = await server.http.get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = res.headers['content-security-policy'] as string;
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ');
    expect(ancestors).toEqual(TEAMS_FRAME_ANCESTORS);
    expect(ancestors).toEqual(
      expect.arrayContaining(["'self'", 'teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft']),
    );
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('gives API answers the same headers, and no caching', async () => {
    const res = await (await server.as(ALICE)).get('/api/v1/workspaces');
    expect(res.headers['content-security-policy']).toContain('frame-ancestors');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('request ids', () => {
  it('echoes a sane x-request-id and quotes it in problems', async () => {
    const res = await server.http.get('/api/v1/nowhere').set('x-request-id', 'req-123');
    expect(res.headers['x-request-id']).toBe('req-123');
    expect(res.body.requestId).toBe('req-123');
  });

  it('makes one up when none (or a strange one) is sent', async () => {
    const res = await server.http.get('/healthz').set('x-request-id', 'bad id with spaces');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('problems', () => {
  it('answers an unknown route with a 404 problem', async () => {
    for (const res of [await server.http.get('/nope'), await (await server.as(ALICE)).get('/api/v1/nope')]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 404,
        code: 'ROUTE.NOT_FOUND',
        type: expect.any(String),
        title: expect.any(String),
      });
    }
  });

  it('answers a known path with another method with 405 and Allow', async () => {
    const ws = await workspaceWith(server, ALICE);
    const token = await server.tokenFor(ALICE);
    const res = await server.http
      .put(`/api/v1/workspaces/${ws}/leads`)
      .set('Authorization', `Bearer ${token}`)
      .send({});
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST');
  });

  it('needs JSON (415), bounds its size (413) and refuses malformed JSON (400)', async () => {
    const ws = await workspaceWith(server, ALICE);
    const token = `Bearer ${await server.tokenFor(ALICE)}`;
    const url = `/api/v1/workspaces/${ws}/leads`;
    const text = await server.http
      .post(url)
      .set('Authorization', token)
      .set('Content-Type', 'text/plain')
      .send('lastName=x');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    const form = await server.http.post(url).set('Authorization', token).type('form').send({ lastName: 'x' });
    expect(form.status).toBe(415);
    const huge = await server.http
      .post(url)
      .set('Authorization', token)
      .send({ lastName: 'x', description: 'y'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('REQUEST.TOO_LARGE');
    const broken = await server.http
      .post(url)
      .set('Authorization', token)
      .set('Content-Type', 'application/json')
      .send('{"lastName":');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('REQUEST.MALFORMED');
  });

  it('reads a body only where the operation takes one: a stray body on a GET or DELETE changes nothing', async () => {
    const ws = await workspaceWith(server, ALICE);
    const token = `Bearer ${await server.tokenFor(ALICE)}`;
    const list = await server.http
      .get(`/api/v1/workspaces/${ws}/leads`)
      .set('Authorization', token)
      .set('Content-Type', 'text/plain')
      .send('not json');
    expect(list.status).toBe(200);
    const created = await (
      await server.as(ALICE)
    ).post(`/api/v1/workspaces/${ws}/leads`, { lastName: 'Jansen' });
    const removed = await server.http
      .delete(`/api/v1/workspaces/${ws}/leads/${created.body.id}`)
      .set('Authorization', token)
      .set('If-Match', created.headers.etag as string)
      .set('Content-Type', 'application/json')
      .send('{"broken":');
    expect(removed.status).toBe(204);
  });

  it('answers 405 with Allow on the service paths too', async () => {
    for (const [path, allow] of [
      ['/healthz', 'GET'],
      ['/readyz', 'GET'],
      ['/api/openapi.json', 'GET'],
    ]) {
      const res = await server.http.put(path ?? '');
      expect({ path, status: res.status, allow: res.headers.allow }).toEqual({ path, status: 405, allow });
      expect(res.body.code).toBe('ROUTE.METHOD_NOT_ALLOWED');
    }
  });

  it('answers an unexpected failure with a 500 problem that discloses nothing', async () => {
    const broken = await startTestServer({
      app: {
        ...server.deps,
        workspaces: Object.assign(Object.create(server.deps.workspaces), {
          listForUser: () => Promise.reject(new Error('SECRET internal: connection string AccountKey=abc')),
        }),
      },
    });
    const res = await (await broken.as(ALICE)).get('/api/v1/workspaces');
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ status: 500, code: 'SERVER.INTERNAL', requestId: expect.any(String) });
    expect(res.text).not.toMatch(/SECRET|AccountKey|at .*\.ts/);
  });

  it('answers 401 with a Bearer challenge', async () => {
    const res = await server.http.get('/api/v1/workspaces');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    const bad = await server.http.get('/api/v1/workspaces').set('Authorization', 'Bearer abc.def.ghi');
    expect(bad.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });
});

describe('rate limiting', () => {
  it('limits each user on their own with 429, Retry-After and a problem', async () => {
    const limited = await startTestServer({ app: server.deps, rateLimit: { windowMs: 60_000, limit: 3 } });
    const alice = await limited.as(ALICE);
    for (let i = 0; i < 3; i++) expect((await alice.get('/api/v1/workspaces')).status).toBe(200);
    const over = await alice.get('/api/v1/workspaces');
    expect(over.status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.body.code).toBe('REQUEST.RATE_LIMITED');
    expect((await (await limited.as(BOB)).get('/api/v1/workspaces')).status).toBe(200);
  });
});

describe('rate limiting before sign-in', () => {
  const badToken = (app: TestServer, forwardedFor?: string) => {
    const req = app.http.get('/api/v1/workspaces').set('Authorization', 'Bearer not.a.token');
    return forwardedFor ? req.set('X-Forwarded-For', forwardedFor) : req;
  };

  it('counts requests per peer address before the token is checked: a flood of bad tokens gets 429', async () => {
    const limited = await startTestServer({
      app: server.deps,
      addressRateLimit: { windowMs: 60_000, limit: 4 },
    });
    for (let i = 0; i < 4; i++) expect((await badToken(limited)).status).toBe(401);
    const over = await badToken(limited);
    expect(over.status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.body.code).toBe('REQUEST.RATE_LIMITED');
  });

  it('does not believe X-Forwarded-For unless a trusted proxy is configured', async () => {
    const limited = await startTestServer({
      app: server.deps,
      addressRateLimit: { windowMs: 60_000, limit: 4 },
    });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await badToken(limited, `198.51.100.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('counts each forwarded client on its own behind a trusted proxy', async () => {
    const limited = await startTestServer({
      app: server.deps,
      addressRateLimit: { windowMs: 60_000, limit: 4 },
      trustProxy: 'loopback',
    });
    for (let i = 0; i < 4; i++) expect((await badToken(limited, '203.0.113.1')).status).toBe(401);
    expect((await badToken(limited, '203.0.113.1')).status).toBe(429);
    expect((await badToken(limited, '203.0.113.2')).status).toBe(401);
  });

  it.each([
    ['IPv4', (port: number) => `203.0.113.9:${50_000 + port}`, '198.51.100.9:50000'],
    ['IPv6', (port: number) => `[2001:db8:1::9]:${50_000 + port}`, '[2001:db8:2::9]:50000'],
  ])(
    'behind App Service (TRUST_PROXY=1) counts an %s client whose proxy adds a new :port to each request as one client',
    async (_, fromPort, other) => {
      const limited = await startTestServer({
        app: server.deps,
        addressRateLimit: { windowMs: 60_000, limit: 4 },
        trustProxy: 1,
      });
      const statuses = [];
      for (let port = 0; port < 6; port++) statuses.push((await badToken(limited, fromPort(port))).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
      expect((await badToken(limited, other)).status).toBe(401);
    },
  );
});

describe('logs', () => {
  it('carry the request id and never the Authorization header', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logged = await startTestServer({ app: server.deps, logger: createLogger('info', sink) });
    const token = await logged.tokenFor(ALICE);
    await logged.http
      .get('/api/v1/workspaces')
      .set('Authorization', `Bearer ${token}`)
      .set('x-request-id', 'log-test-1');
    const log = lines.join('');
    expect(log).toContain('log-test-1');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain(token);
  });
});

describe('dev sign-in', () => {
  const devApp = () =>
    createApp({
      app: server.deps,
      verifier: createTokenVerifier({ keys: server.devTokens.keys, clientId: TEST_CLIENT_ID }),
      logger: createLogger('silent'),
      ready: async () => undefined,
      devTokens: server.devTokens,
    });

  it('issues a token that the ordinary verifier accepts', async () => {
    const dev = devApp();
    const issued = await request(dev)
      .post('/api/dev/token')
      .send({ tenantId: ALICE.tenantId, userId: 'dev-user', name: 'Dev' });
    expect(issued.status).toBe(200);
    expect(Object.keys(issued.body)).toEqual(['token']);
    const created = await request(dev)
      .post('/api/v1/workspaces')
      .set('Authorization', `Bearer ${issued.body.token}`)
      .send({ name: 'Dev ws' });
    expect(created.status).toBe(201);
    expect(created.body.tenantId).toBe(ALICE.tenantId);

    const bad = await request(dev).post('/api/dev/token').send({ tenantId: 'a/b', userId: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('tenantId');
  });

  it.each([
    ['a tunnel (X-Forwarded-For)', { 'X-Forwarded-For': '203.0.113.7' }],
    ['a reverse proxy (Forwarded)', { Forwarded: 'for=203.0.113.7;proto=https' }],
    ['a tunnel that rewrites nothing but the Host', { Host: 'crm-dev.devtunnels.ms' }],
    ['nginx (X-Real-IP)', { 'X-Real-IP': '203.0.113.7' }],
    ['a proxy that names itself (Via)', { Via: '1.1 edge' }],
    ['App Service (X-Client-IP)', { 'X-Client-IP': '203.0.113.7' }],
    ['a rewrite that kept the original Host (X-Original-Host)', { 'X-Original-Host': 'crm.example' }],
    ['a proxy that passes a 127/8 Host other than 127.0.0.1', { Host: '127.0.0.2:53000' }],
  ])('refuses a request that came through %s: 403, no token', async (_, headers) => {
    const dev = devApp();
    const res = await request(dev)
      .post('/api/dev/token')
      .set(headers)
      .send({ tenantId: ALICE.tenantId, userId: 'alice', name: 'Alice' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'AUTH.LOCAL_ONLY' });
    expect(res.text).not.toMatch(/token"\s*:/);
  });

  it('is not there without dev mode', async () => {
    expect((await server.http.post('/api/dev/token').send({ tenantId: 't', userId: 'u' })).status).toBe(404);
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every route, with request bodies from the shared schemas', async () => {
    const res = await server.http.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const route of apiRoutes()) {
      const path = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
      const op = res.body.paths[path]?.[route.method];
      expect({ route: `${route.method} ${path}`, documented: Boolean(op) }).toEqual({
        route: `${route.method} ${path}`,
        documented: true,
      });
      // A body is an inline schema or a named one (a component, by reference).
      if (route.body) {
        const schema = op.requestBody.content['application/json'].schema as { type?: string; $ref?: string };
        expect(
          schema.type ?? schema.$ref?.replace(/^#\/components\/schemas\/.+$/, 'component'),
        ).toBeDefined();
      }
    }
    const createLead = res.body.paths['/api/v1/workspaces/{ws}/leads'].post;
    expect(createLead.requestBody.content['application/json'].schema.properties).toHaveProperty('lastName');
    expect(createLead.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(res.body.components.parameters.IdempotencyKey.name).toBe('Idempotency-Key');
  });
});

describe('undecodable addresses', () => {
  it.each([
    ['GET', '/api/v1/workspaces/%E0%A4%A'],
    ['GET', '/api/v1/workspaces/WS/leads/%E0%A4%A'],
    ['PATCH', '/api/v1/workspaces/WS/leads/%ZZ'],
    ['DELETE', '/api/v1/workspaces/WS/members/%E0%A4%A'],
    ['GET', '/api/v1/workspaces/WS/opportunities/%E0/history'],
  ])('%s %s is a 404 problem, never a 5xx', async (method, path) => {
    const ws = await workspaceWith(server, ALICE);
    const client = await server.as(ALICE);
    const url = path.replace('WS', ws);
    const res =
      method === 'GET'
        ? await client.get(url)
        : method === 'PATCH'
          ? await client.patch(url, { lastName: 'x' }, '"x"')
          : await client.delete(url, '"x"');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('ROUTE.NOT_FOUND');
  });
});
