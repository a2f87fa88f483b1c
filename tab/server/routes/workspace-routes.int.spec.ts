import { recordTeam } from '@crm/shared/testing';
import { ALICE, BOB, CAROL, MALLORY, startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});

describe('workspaces', () => {
  it('creates a workspace whose creator is its owner, and lists it as theirs', async () => {
    const alice = await server.as(ALICE);
    await recordTeam(server.deps, ALICE.tenantId, '19:abc@thread.tacv2', [ALICE.userId]);
    const created = await alice.post('/api/v1/workspaces', {
      name: 'Sales NL',
      teamId: '19:abc@thread.tacv2',
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(created.headers.location).toBe(`/api/v1/workspaces/${created.body.id}`);
    expect(created.body).toMatchObject({
      name: 'Sales NL',
      teamId: '19:abc@thread.tacv2',
      tenantId: ALICE.tenantId,
      role: 'owner',
    });

    const mine = await alice.get('/api/v1/workspaces');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: created.body.id, role: 'owner' })]),
    );
    const bobs = await (await server.as(BOB)).get('/api/v1/workspaces');
    expect(bobs.body.items.map((w: { id: string }) => w.id)).not.toContain(created.body.id);
  });

  it('honours Idempotency-Key: a retried create returns the same workspace, a reused key 409', async () => {
    const token = `Bearer ${await server.tokenFor(ALICE)}`;
    const post = (body: object) =>
      server.http
        .post('/api/v1/workspaces')
        .set('Authorization', token)
        .set('Idempotency-Key', 'ws-create-1')
        .send(body);
    const [a, b] = await Promise.all([post({ name: 'Vendas PT' }), post({ name: 'Vendas PT' })]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    const reused = await post({ name: 'Something else' });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('refuses a second workspace for a team already bound (409)', async () => {
    const alice = await server.as(ALICE);
    await recordTeam(server.deps, ALICE.tenantId, '19:dup@thread.tacv2', [ALICE.userId]);
    await alice.post('/api/v1/workspaces', { name: 'One', teamId: '19:dup@thread.tacv2' });
    const again = await alice.post('/api/v1/workspaces', { name: 'Two', teamId: '19:dup@thread.tacv2' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('WORKSPACE.TEAM_ALREADY_BOUND');
  });

  it('binds only a team the bot recorded whose roster holds the caller (403 TEAM_NOT_VERIFIED)', async () => {
    await recordTeam(server.deps, ALICE.tenantId, '19:bobs@thread.tacv2', [BOB.userId]);
    const alice = await server.as(ALICE);
    for (const teamId of ['19:never-installed@thread.tacv2', '19:bobs@thread.tacv2']) {
      const refused = await alice.post('/api/v1/workspaces', { name: 'Taken over', teamId });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('WORKSPACE.TEAM_NOT_VERIFIED');
    }
    // Another tenant's user with the same object id is not on the roster either.
    const mallory = await (
      await server.as(MALLORY)
    ).post('/api/v1/workspaces', {
      name: 'X',
      teamId: '19:bobs@thread.tacv2',
    });
    expect(mallory.body.code).toBe('WORKSPACE.TEAM_NOT_VERIFIED');
    const bound = await (
      await server.as(BOB)
    ).post('/api/v1/workspaces', {
      name: 'Bob’s team',
      teamId: '19:bobs@thread.tacv2',
    });
    expect(bound.status).toBe(201);
  });

  it('reads and renames with If-Match: missing 428, stale 412, current 200 with a new ETag', async () => {
    const alice = await server.as(ALICE);
    const created = await alice.post('/api/v1/workspaces', { name: 'Before' });
    const url = `/api/v1/workspaces/${created.body.id}`;
    const read = await alice.get(url);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe(created.headers.etag);

    expect((await alice.patch(url, { name: 'After' })).status).toBe(428);
    const renamed = await alice.patch(url, { name: 'After' }, read.headers.etag);
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('After');
    expect(renamed.headers.etag).not.toBe(read.headers.etag);
    const stale = await alice.patch(url, { name: 'Lost' }, read.headers.etag);
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('CONCURRENCY.STALE');
    expect((await alice.get(url)).body.name).toBe('After');
  });

  it('lets an owner turn the morning digest on with a time zone; a zone nobody knows is a 400 naming it', async () => {
    const alice = await server.as(ALICE);
    const created = await alice.post('/api/v1/workspaces', { name: 'Digest' });
    const url = `/api/v1/workspaces/${created.body.id}`;

    const wrong = await alice.patch(
      url,
      { morningDigest: { enabled: true, timeZone: 'Europe/Atlantis' } },
      created.headers.etag,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION.FAILED' });
    expect(Object.keys(wrong.body.fields)).toEqual(['morningDigest.timeZone']);

    const on = await alice.patch(
      url,
      { morningDigest: { enabled: true, timeZone: 'Europe/Oslo' } },
      created.headers.etag,
    );
    expect(on.status).toBe(200);
    expect(on.body.settings.morningDigest).toEqual({ enabled: true, timeZone: 'Europe/Oslo' });
    const off = await alice.patch(url, { morningDigest: { enabled: false } }, on.headers.etag);
    expect((await alice.get(url)).body.settings.morningDigest).toEqual({
      enabled: false,
      timeZone: 'Europe/Oslo',
    });
    expect(off.status).toBe(200);
  });

  it('refuses the workspace past the per-person cap with 409 WORKSPACE.LIMIT_REACHED, nothing created', async () => {
    const capped = await startTestServer({ app: { ...server.deps, limits: { workspacesPerUser: 3 } } });
    const dave = await capped.as({ tenantId: ALICE.tenantId, userId: 'dave-cap', name: 'Dave' });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await dave.post('/api/v1/workspaces', { name: `W${i}` })).status);
    expect(statuses).toEqual([201, 201, 201, 409]);
    const refused = await dave.post('/api/v1/workspaces', { name: 'W4' });
    expect(refused.status).toBe(409);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'WORKSPACE.LIMIT_REACHED', details: { max: 3 } });
    expect((await dave.get('/api/v1/workspaces')).body.items).toHaveLength(3);
  });

  it('rejects unknown fields and bad values with 400 and the field named', async () => {
    const alice = await server.as(ALICE);
    const unknown = await alice.post('/api/v1/workspaces', { name: 'X', colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body.code).toBe('VALIDATION.FAILED');
    const blank = await alice.post('/api/v1/workspaces', { name: '' });
    expect(blank.status).toBe(400);
    expect(Object.keys(blank.body.fields)).toContain('name');
  });
});

describe('members', () => {
  it('lets the owner add, re-role and remove members; members cannot manage', async () => {
    const alice = await server.as(ALICE);
    const bob = await server.as(BOB);
    const ws = (await alice.post('/api/v1/workspaces', { name: 'Team' })).body.id;
    const members = `/api/v1/workspaces/${ws}/members`;

    const added = await alice.post(members, { userId: BOB.userId, role: 'member' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ userId: 'bob', role: 'member' });
    expect((await alice.post(members, { userId: BOB.userId, role: 'member' })).status).toBe(409);

    const listed = await bob.get(members);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((m: { userId: string }) => m.userId).sort()).toEqual(['alice', 'bob']);

    const byMember = await bob.post(members, { userId: CAROL.userId, role: 'member' });
    expect(byMember.status).toBe(403);

    const promoted = await alice.patch(`${members}/bob`, { role: 'owner' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('owner');

    expect((await alice.delete(`${members}/bob`)).status).toBe(204);
    expect((await bob.get(members)).status).toBe(404);
    expect((await alice.patch(`${members}/nobody`, { role: 'owner' })).status).toBe(404);
  });

  it('keeps the last owner', async () => {
    const alice = await server.as(ALICE);
    const ws = (await alice.post('/api/v1/workspaces', { name: 'Solo' })).body.id;
    const leaving = await alice.delete(`/api/v1/workspaces/${ws}/members/alice`);
    expect(leaving.status).toBe(409);
    expect(leaving.body.code).toBe('WORKSPACE.LAST_OWNER');
  });

  it('shows another tenant nothing, even with the same user id', async () => {
    const ws = (await (await server.as(ALICE)).post('/api/v1/workspaces', { name: 'Private' })).body.id;
    const mallory = await server.as(MALLORY);
    for (const url of [`/api/v1/workspaces/${ws}`, `/api/v1/workspaces/${ws}/members`]) {
      const res = await mallory.get(url);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Private');
    }
  });
});
