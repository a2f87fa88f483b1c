import { createInMemoryStorage, fixedClock, sequentialIds } from '@crm/shared/testing';
import { startTestServer, ALICE, type TestServer } from '../testing/test-server';

/** Fast checks of the route adapter over the in-memory repositories (no Azurite). */
let server: TestServer;
let ws: string;

beforeAll(async () => {
  const { records, workspaces, outbox, teams, conversations } = createInMemoryStorage();
  server = await startTestServer({
    app: { records, workspaces, outbox, teams, conversations, clock: fixedClock(), ids: sequentialIds('r') },
  });
  ws = (await (await server.as(ALICE)).post('/api/v1/workspaces', { name: 'Fast' })).body.id;
});

describe('path parameters that cannot name anything', () => {
  it.each([
    [
      'a workspace id with a slash',
      'get',
      (): string => `/api/v1/workspaces/a%2Fb/leads`,
      'WORKSPACE.NOT_FOUND',
    ],
    ['a workspace id with a hash', 'get', (): string => `/api/v1/workspaces/a%23b`, 'WORKSPACE.NOT_FOUND'],
    [
      'a record id with a question mark',
      'get',
      () => `/api/v1/workspaces/${ws}/leads/x%3Fy`,
      'RECORD.NOT_FOUND',
    ],
    [
      'a record id that is too long',
      'get',
      () => `/api/v1/workspaces/${ws}/leads/${'x'.repeat(65)}`,
      'RECORD.NOT_FOUND',
    ],
    [
      'a member id with a space',
      'delete',
      () => `/api/v1/workspaces/${ws}/members/a%20b`,
      'WORKSPACE.MEMBER_NOT_FOUND',
    ],
  ] as const)('%s → 404', async (_, method, url, code) => {
    const res = await (await server.as(ALICE))[method](url());
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(code);
  });
});

describe('the adapter', () => {
  it('answers a create with 201, Location and an ETag equal to the body etag', async () => {
    const res = await (await server.as(ALICE)).post(`/api/v1/workspaces/${ws}/leads`, { lastName: 'Fast' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/workspaces/${ws}/leads/${res.body.id}`);
    expect(res.headers.etag).toBe(res.body.etag);
  });

  it('answers a delete with an empty 204', async () => {
    const alice = await server.as(ALICE);
    const lead = await alice.post(`/api/v1/workspaces/${ws}/leads`, { lastName: 'Gone' });
    const res = await alice.delete(`/api/v1/workspaces/${ws}/leads/${lead.body.id}`, lead.headers.etag);
    expect(res.status).toBe(204);
    expect(res.headers['content-type']).toBeUndefined();
  });
});
