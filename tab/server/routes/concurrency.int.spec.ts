import { ALICE, startTestServer, workspaceWith, type TestServer } from '../testing/test-server';

/** Races through HTTP, against real storage: optimistic concurrency must pick exactly one winner. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});

describe('concurrent writes', () => {
  it('20 PATCHes with the same ETag: exactly one 200, nineteen 412, and the stored value is the winner’s', async () => {
    const alice = await server.as(ALICE);
    const ws = await workspaceWith(server, ALICE);
    const lead = await alice.post(`/api/v1/workspaces/${ws}/leads`, { lastName: 'Race' });
    const url = `/api/v1/workspaces/${ws}/leads/${lead.body.id}`;

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => alice.patch(url, { title: `writer-${i}` }, lead.headers.etag)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(412)]);
    const winner = results.find((r) => r.status === 200)!;
    for (const loser of results.filter((r) => r.status === 412))
      expect(loser.body.code).toBe('CONCURRENCY.STALE');

    const stored = await alice.get(url);
    expect(stored.body.title).toBe(winner.body.title);
    expect(stored.headers.etag).toBe(winner.headers.etag);
  });

  it('10 simultaneous conversions of one lead: one 200, nine 409, one organisation, contact and opportunity', async () => {
    const alice = await server.as(ALICE);
    const ws = await workspaceWith(server, ALICE);
    const base = `/api/v1/workspaces/${ws}`;
    const lead = await alice.post(`${base}/leads`, {
      lastName: 'Once',
      company: 'Only Once BV',
      email: 'o@once.example',
    });

    const results = await Promise.all(
      Array.from({ length: 10 }, () => alice.post(`${base}/leads/${lead.body.id}/convert`, {})),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(9).fill(409)]);
    for (const loser of results.filter((r) => r.status === 409))
      expect(loser.body.code).toBe('LEAD.ALREADY_CONVERTED');

    const winner = results.find((r) => r.status === 200)!.body;
    for (const [plural, record] of [
      ['organisations', winner.organisation],
      ['contacts', winner.contact],
      ['opportunities', winner.opportunity],
    ] as const) {
      const all = await alice.get(`${base}/${plural}?limit=1000`);
      expect(all.body.items.map((r: { id: string }) => r.id)).toEqual([record.id]);
    }
    expect((await alice.get(`${base}/leads/${lead.body.id}`)).body.convertedOrganisationId).toBe(
      winner.organisation.id,
    );
  });

  it('10 simultaneous creates with one Idempotency-Key: one record, the same answer for all', async () => {
    const alice = await server.as(ALICE);
    const ws = await workspaceWith(server, ALICE);
    const base = `/api/v1/workspaces/${ws}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        alice.post(`${base}/organisations`, { name: 'Idem Org' }).set('Idempotency-Key', 'same-key'),
      ),
    );
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await alice.get(`${base}/organisations`)).body.items).toHaveLength(1);
  });
});
