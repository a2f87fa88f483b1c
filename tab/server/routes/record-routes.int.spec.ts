import { ALICE, startTestServer, workspaceWith, type TestServer } from '../testing/test-server';

let server: TestServer;
let ws: string;
let organisationId: string;
const base = () => `/api/v1/workspaces/${ws}`;

beforeAll(async () => {
  server = await startTestServer();
  ws = await workspaceWith(server, ALICE);
  const org = await (await server.as(ALICE)).post(`${base()}/organisations`, { name: 'Parent Org' });
  organisationId = org.body.id;
});

type KindCase = {
  plural: string;
  create: () => object;
  patch: object;
  /** A filter the created record matches, and a search that finds it. */
  filter: string;
  q?: string;
};

const KINDS: KindCase[] = [
  {
    plural: 'leads',
    create: () => ({ lastName: 'Hansen', company: 'Nordkapp Fisk', source: 'web' }),
    patch: { title: 'CEO' },
    filter: 'source=web',
    q: 'nordk',
  },
  {
    plural: 'organisations',
    create: () => ({ name: 'Fjordlys Logistikk' }),
    patch: { city: 'Bergen' },
    filter: 'status=prospect',
    q: 'fjordl',
  },
  {
    plural: 'contacts',
    create: () => ({ organisationId, lastName: 'Solberg', firstName: 'Ingrid' }),
    patch: { title: 'Buyer' },
    filter: 'relationship=customer',
    q: 'ingrid',
  },
  {
    plural: 'opportunities',
    create: () => ({ name: 'Scanners', organisationId, amount: 1000, currency: 'EUR' }),
    patch: { nextStep: 'Call back' },
    filter: 'stage=prospecting',
    q: 'scanner',
  },
  {
    plural: 'campaigns',
    create: () => ({ name: 'Vakbeurs', type: 'trade-show' }),
    patch: { description: 'Hall 3' },
    filter: 'type=trade-show',
    q: 'vakbeurs',
  },
  {
    plural: 'activities',
    create: () => ({
      type: 'call',
      subject: 'First call',
      regarding: { type: 'organisation', id: organisationId },
    }),
    patch: { outcome: 'Interested' },
    filter: 'type=call',
  },
];

describe.each(KINDS)('/$plural', ({ plural, create, patch, filter, q }) => {
  it('creates (201, ETag, Location), reads, lists with etags, filters and searches', async () => {
    const alice = await server.as(ALICE);
    const created = await alice.post(`${base()}/${plural}`, create());
    expect(created.status).toBe(201);
    const { id, etag } = created.body;
    expect(created.headers.etag).toBe(etag);
    expect(created.headers.location).toBe(`${base()}/${plural}/${id}`);

    const read = await alice.get(`${base()}/${plural}/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe(etag);
    expect(read.body).toMatchObject({ id, workspaceId: ws });

    const listed = await alice.get(`${base()}/${plural}?${filter}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id, etag }));
    if (q) {
      const found = await alice.get(`${base()}/${plural}?q=${q}`);
      expect(found.body.items.map((r: { id: string }) => r.id)).toContain(id);
      const missed = await alice.get(`${base()}/${plural}?q=zzzznothing`);
      expect(missed.body.items).toEqual([]);
    }
  });

  it('changes only with the current ETag: missing 428, stale or * 412, weak form accepted', async () => {
    const alice = await server.as(ALICE);
    const created = await alice.post(`${base()}/${plural}`, create());
    const url = `${base()}/${plural}/${created.body.id}`;
    const etag = created.headers.etag as string;

    const missing = await alice.patch(url, patch);
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('CONCURRENCY.VERSION_REQUIRED');
    expect((await alice.patch(url, patch, '*')).status).toBe(412);

    const changed = await alice.patch(url, patch, `W/${etag}`);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject(patch);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.etag).toBe(changed.headers.etag);

    const stale = await alice.patch(url, patch, etag);
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ status: 412, code: 'CONCURRENCY.STALE' });
  });

  it('deletes to the recycle bin (If-Match required) and restores from it', async () => {
    const alice = await server.as(ALICE);
    const created = await alice.post(`${base()}/${plural}`, create());
    const url = `${base()}/${plural}/${created.body.id}`;

    expect((await alice.delete(url)).status).toBe(428);
    expect((await alice.delete(url, '"c3RhbGU"')).status).toBe(412);
    const deleted = await alice.delete(url, created.headers.etag);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await alice.get(url)).status).toBe(404);

    const bin = await alice.get(`${base()}/recycle-bin?limit=1000`);
    expect(bin.status).toBe(200);
    expect(bin.body.items).toContainEqual(
      expect.objectContaining({ record: expect.objectContaining({ id: created.body.id }) }),
    );

    const restored = await alice.post(`${url}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.id).toBe(created.body.id);
    expect((await alice.get(url)).status).toBe(200);
    const again = await alice.post(`${url}/restore`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RECORD.NOT_DELETED');
  });

  it('answers 404 for an unknown id and 400 for unknown fields', async () => {
    const alice = await server.as(ALICE);
    const unknown = await alice.get(`${base()}/${plural}/01NOSUCHRECORD`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toMatch(/NOT_FOUND$/);
    const extra = await alice.post(`${base()}/${plural}`, { ...create(), notAField: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('VALIDATION.FAILED');
  });
});

describe('recycle bin purge and read-only converted leads', () => {
  it('purges a deleted record for good, owners only; a live one is 409', async () => {
    const alice = await server.as(ALICE);
    const created = await alice.post(`${base()}/campaigns`, { name: 'Beurs 2026', type: 'trade-show' });
    const purgeUrl = `${base()}/recycle-bin/campaigns/${created.body.id}`;
    expect((await alice.delete(purgeUrl)).status).toBe(409);
    expect((await alice.delete(`${base()}/campaigns/${created.body.id}`, created.headers.etag)).status).toBe(
      204,
    );

    expect((await alice.delete(purgeUrl)).status).toBe(204);
    expect((await alice.delete(purgeUrl)).status).toBe(404);
    expect((await alice.post(`${base()}/campaigns/${created.body.id}/restore`)).status).toBe(404);
  });

  it('suggests existing organisations and contacts for a lead before conversion', async () => {
    const alice = await server.as(ALICE);
    const org = await alice.post(`${base()}/organisations`, {
      name: 'Smit Techniek B.V.',
      website: 'smit.nl',
    });
    await alice.post(`${base()}/contacts`, {
      organisationId: org.body.id,
      lastName: 'Smit',
      email: 'jan@smit.nl',
    });
    const lead = await alice.post(`${base()}/leads`, {
      lastName: 'Smit',
      company: 'Smit Techniek',
      email: 'Jan@Smit.nl',
    });

    const res = await alice.get(`${base()}/leads/${lead.body.id}/matches`);

    expect(res.status).toBe(200);
    expect(res.body.organisations[0].organisation.id).toBe(org.body.id);
    expect(res.body.contacts.map((c: { contact: { email: string } }) => c.contact.email)).toEqual([
      'jan@smit.nl',
    ]);
  });

  it('refuses to delete a converted lead', async () => {
    const alice = await server.as(ALICE);
    const lead = await alice.post(`${base()}/leads`, { lastName: 'Bakker', company: 'Bakker BV' });
    const converted = await alice.post(`${base()}/leads/${lead.body.id}/convert`, {});
    expect(converted.status).toBe(200);
    const res = await alice.delete(`${base()}/leads/${lead.body.id}`, converted.body.lead.etag);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LEAD.READ_ONLY');
  });
});

describe('lists', () => {
  it('pages with limit and nextCursor until every record was seen once', async () => {
    const alice = await server.as(ALICE);
    const pws = await workspaceWith(server, ALICE);
    for (let i = 0; i < 5; i++)
      await alice.post(`/api/v1/workspaces/${pws}/campaigns`, { name: `C${i}`, type: 'email' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await alice.get(
        `/api/v1/workspaces/${pws}/campaigns?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['colour=red', 'colour'],
    ['stage=prospecting', 'stage'],
  ])('rejects ?%s with 400 naming %s', async (query, field) => {
    const res = await (await server.as(ALICE)).get(`${base()}/leads?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    expect(Object.keys(res.body.fields)).toContain(field);
  });

  it('refuses a cursor it did not issue with 400, never restarting the list or a 5xx', async () => {
    const res = await (await server.as(ALICE)).get(`${base()}/leads?cursor=%00%FF!garbage`);
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('cursor');
  });

  it('answers nextCursor: null on the last page', async () => {
    const res = await (await server.as(ALICE)).get(`${base()}/campaigns?limit=1000`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveProperty('nextCursor', null);
  });

  it.each(['status=bogus', 'source=Web'])('rejects an unknown enum value in ?%s', async (query) => {
    const res = await (await server.as(ALICE)).get(`${base()}/leads?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
  });

  it('lists the activities regarding a record', async () => {
    const alice = await server.as(ALICE);
    const other = await alice.post(`${base()}/organisations`, { name: 'Other Org' });
    const about = await alice.post(`${base()}/activities`, {
      type: 'note',
      subject: 'About other',
      regarding: { type: 'organisation', id: other.body.id },
    });
    const res = await alice.get(
      `${base()}/activities?regardingType=organisation&regardingId=${other.body.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((a: { id: string }) => a.id)).toEqual([about.body.id]);
    expect((await alice.get(`${base()}/activities?regardingType=planet&regardingId=x`)).status).toBe(400);
  });
});
