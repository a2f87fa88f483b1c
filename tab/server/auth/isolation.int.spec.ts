import { UnsecuredJWT } from 'jose';
import type { Actor } from '@crm/shared';
import { apiRoutes } from '../routes/api-routes';
import type { RouteSpec } from '../routes/route-spec';
import {
  createFixture,
  etagFor,
  SECRETS,
  urlFor,
  validBodyFor,
  type Fixture,
} from '../testing/route-fixtures';
import { ALICE, MALLORY, startTestServer, TENANT_A, type TestServer } from '../testing/test-server';

/**
 * Every route × every way of not belonging: the answer is 401, 403 or 404, and never a byte of the
 * workspace's data. The route list is the server's own, so a new route is covered the day it is added.
 */
let server: TestServer;
let fixture: Fixture;
const STRANGER: Actor = { tenantId: TENANT_A, userId: 'stranger', name: 'Stranger' };
const routes = apiRoutes();
const scoped = routes.filter((r) => r.path.includes(':ws'));

beforeAll(async () => {
  server = await startTestServer();
  fixture = await createFixture(server);
});

type Attempt = { status: number; body: unknown; text: string };

async function attempt(route: RouteSpec, authorization: string | undefined): Promise<Attempt> {
  let req = server.http[route.method](urlFor(route, fixture));
  if (authorization) req = req.set('Authorization', authorization);
  const etag = etagFor(route, fixture);
  if (etag && route.ifMatch) req = req.set('If-Match', etag);
  const body = validBodyFor(route, fixture);
  const res = await (body === undefined ? req : req.send(body));
  return { status: res.status, body: res.body, text: res.text };
}

const expectNothingLeaked = (res: Attempt) => {
  for (const secret of SECRETS) expect(res.text).not.toContain(secret);
  for (const { id } of Object.values(fixture.ids)) expect(res.text).not.toContain(id);
};

const label = (r: RouteSpec) => `${r.method.toUpperCase()} ${r.path}`;

describe('the owner (control: the fixture is real)', () => {
  it.each(scoped.filter((r) => r.method === 'get').map((r) => [label(r), r] as const))(
    '%s → 200',
    async (_l, route) => {
      const res = await attempt(route, `Bearer ${await server.tokenFor(ALICE)}`);
      expect(res.status).toBe(200);
    },
  );
});

describe.each([
  ['a signed-in user of the same tenant who is not a member', () => server.tokenFor(STRANGER)],
  ['the same user id in another tenant', () => server.tokenFor(MALLORY)],
])('%s', (_, token) => {
  it.each(scoped.map((r) => [label(r), r] as const))('%s → 403/404, nothing leaked', async (_l, route) => {
    const res = await attempt(route, `Bearer ${await token()}`);
    expect([403, 404]).toContain(res.status);
    expect(res.body).toMatchObject({ code: expect.any(String), status: res.status });
    expectNothingLeaked(res);
  });
});

const badTokens: [string, () => Promise<string | undefined>][] = [
  ['no token', async () => undefined],
  ['a forged signature', async () => `Bearer ${await server.tokenFor(ALICE, { forged: true })}`],
  [
    'an expired token',
    async () => `Bearer ${await server.tokenFor(ALICE, { expiresAt: Math.floor(Date.now() / 1000) - 3600 })}`,
  ],
  [
    'alg none',
    async () =>
      `Bearer ${new UnsecuredJWT({ tid: ALICE.tenantId, oid: ALICE.userId, aud: 'x', scp: 'access_as_user' })
        .setIssuer(`https://login.microsoftonline.com/${ALICE.tenantId}/v2.0`)
        .setExpirationTime('1h')
        .encode()}`,
  ],
  [
    'a wrong audience',
    async () => `Bearer ${await server.tokenFor(ALICE, { claims: { aud: 'api://evil.example/other-app' } })}`,
  ],
  [
    'no access_as_user scope',
    async () => `Bearer ${await server.tokenFor(ALICE, { claims: { scp: 'User.Read' } })}`,
  ],
  [
    "another tenant's issuer",
    async () =>
      `Bearer ${await server.tokenFor(ALICE, { claims: { iss: `https://login.microsoftonline.com/${MALLORY.tenantId}/v2.0` } })}`,
  ],
  ['a Basic header', async () => 'Basic YWxpY2U6cGFzc3dvcmQ='],
];

describe.each(badTokens)('the owner with %s', (_, authorization) => {
  it.each(routes.map((r) => [label(r), r] as const))(
    '%s → 401, nothing leaked, token not echoed',
    async (_l, route) => {
      const header = await authorization();
      const res = await attempt(route, header);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
      expectNothingLeaked(res);
      const token = header?.split(' ')[1];
      if (token) expect(res.text).not.toContain(token);
    },
  );
});

describe('after every attack', () => {
  it('the workspace is as the owner left it', async () => {
    const alice = await server.as(ALICE);
    const ws = await alice.get(`/api/v1/workspaces/${fixture.ws}`);
    expect(ws.body.name).toBe('SECRET-WS');
    const members = await alice.get(`/api/v1/workspaces/${fixture.ws}/members`);
    expect(members.body.items.map((m: { userId: string }) => m.userId)).toEqual(['alice']);
    for (const [plural, { id, etag }] of Object.entries(fixture.ids)) {
      const read = await alice.get(`/api/v1/workspaces/${fixture.ws}/${plural}/${id}`);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe(etag);
    }
  });

  it("the other tenant's list of workspaces does not include it", async () => {
    const mine = await (await server.as(MALLORY)).get('/api/v1/workspaces');
    expect(mine.status).toBe(200);
    expectNothingLeaked({ status: mine.status, body: mine.body, text: mine.text });
  });
});
