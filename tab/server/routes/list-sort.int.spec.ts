import type { RecordRepository } from '@crm/shared/application';
import { ALICE, startTestServer, testStorage, workspaceWith, type TestServer } from '../testing/test-server';

/** `sort` on the list endpoints, end to end over Azurite (KEYS.md "Sorted lists"). */
let server: TestServer;
let ws: string;
const base = () => `/api/v1/workspaces/${ws}`;
const LEADS = [
  { lastName: 'Ødegård', firstName: 'Kari', company: 'Fjord AS', source: 'web' },
  { lastName: 'Almeida', firstName: 'Bruno', source: 'event' },
  { lastName: 'almeida', firstName: 'Carla', company: 'Bloem BV', source: 'web' },
  { lastName: 'Jansen', firstName: 'Pieter', company: 'Agro BV', source: 'web' },
];

const lastNames = (body: { items: { lastName: string; firstName?: string }[] }) =>
  body.items.map((l) => `${l.lastName}, ${l.firstName}`);

beforeAll(async () => {
  server = await startTestServer();
  ws = await workspaceWith(server, ALICE);
  const alice = await server.as(ALICE);
  for (const lead of LEADS) expect((await alice.post(`${base()}/leads`, lead)).status).toBe(201);
});

describe('GET .../{kind}?sort=', () => {
  it('orders the whole list by the field, either way, combined with filters', async () => {
    const alice = await server.as(ALICE);

    const up = await alice.get(`${base()}/leads?sort=name`);
    const down = await alice.get(`${base()}/leads?sort=-name`);
    const web = await alice.get(`${base()}/leads?sort=company&source=web`);

    expect(up.status).toBe(200);
    expect(lastNames(up.body)).toEqual([
      'Almeida, Bruno',
      'almeida, Carla',
      'Jansen, Pieter',
      'Ødegård, Kari',
    ]);
    expect(lastNames(down.body)).toEqual([...lastNames(up.body)].reverse());
    expect(web.body.items.map((l: { company: string }) => l.company)).toEqual([
      'Agro BV',
      'Bloem BV',
      'Fjord AS',
    ]);
    expect(up.body.items[0].etag).toEqual(expect.any(String));
  });

  it('pages a sorted list with its cursor until every record was seen once, in order', async () => {
    const alice = await server.as(ALICE);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await alice.get(
        `${base()}/leads?sort=-name&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...lastNames(page.body));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(['Ødegård, Kari', 'Jansen, Pieter', 'almeida, Carla', 'Almeida, Bruno']);
  });

  it('sorts deals by the workspace’s stage order and by amount within a currency', async () => {
    const alice = await server.as(ALICE);
    const org = await alice.post(`${base()}/organisations`, { name: 'Sorted Org' });
    const deal = (name: string, stage: string, amount: number, currency: string) =>
      alice.post(`${base()}/opportunities`, { name, organisationId: org.body.id, stage, amount, currency });
    await deal('Late', 'negotiation', 10, 'EUR');
    await deal('Early', 'prospecting', 900, 'EUR');
    await deal('Middle', 'proposal', 5, 'NOK');

    const byStage = await alice.get(`${base()}/opportunities?sort=stage&organisationId=${org.body.id}`);
    const byAmount = await alice.get(`${base()}/opportunities?sort=-amount&organisationId=${org.body.id}`);

    const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((o) => o.name);
    expect(names(byStage)).toEqual(['Early', 'Middle', 'Late']);
    expect(names(byAmount)).toEqual(['Middle', 'Early', 'Late']);
  });

  it.each([
    ['sort=email', 'LIST.UNKNOWN_SORT'],
    ['sort=-', 'LIST.UNKNOWN_SORT'],
    ['sort=__proto__', 'LIST.UNKNOWN_SORT'],
    ['sort=name&q=alme', 'LIST.SORT_WITH_SEARCH'],
    ['sort=name&sort=company', 'VALIDATION.FAILED'],
  ])('refuses ?%s with 400 %s naming sort', async (query, code) => {
    const res = await (await server.as(ALICE)).get(`${base()}/leads?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(Object.keys(res.body.fields)).toContain('sort');
  });

  it('refuses a cursor of another sort, or of the unsorted list, with 400', async () => {
    const alice = await server.as(ALICE);
    const sorted = (await alice.get(`${base()}/leads?sort=name&limit=1`)).body.nextCursor;
    const plain = (await alice.get(`${base()}/leads?limit=1`)).body.nextCursor;

    for (const query of [`sort=-name&cursor=${sorted}`, `cursor=${sorted}`, `sort=name&cursor=${plain}`]) {
      const res = await alice.get(`${base()}/leads?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('cursor');
    }
  });

  it('does not sort the activities about one record', async () => {
    const res = await (
      await server.as(ALICE)
    ).get(`${base()}/activities?sort=occurredAt&regardingType=lead&regardingId=x`);
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('sort');
  });
});

describe('more matching records than the cap', () => {
  let capped: TestServer;
  let cws: string;

  beforeAll(async () => {
    const deps = await testStorage();
    const records = deps.records;
    // The real repository with a cap of 2 (SORT_CAP is 10,000: too many to seed in a test).
    const small: RecordRepository = Object.assign(Object.create(records) as RecordRepository, {
      listSorted: ((w, kind, query) =>
        records.listSorted(w, kind, { ...query, cap: 2 })) as RecordRepository['listSorted'],
    });
    capped = await startTestServer({ app: { ...deps, records: small } });
    cws = await workspaceWith(capped, ALICE);
    const alice = await capped.as(ALICE);
    for (const lead of LEADS.slice(0, 3)) await alice.post(`/api/v1/workspaces/${cws}/leads`, lead);
  });

  it('answers 400 LIST.TOO_MANY_TO_SORT, and sorts once a filter narrows the list', async () => {
    const alice = await capped.as(ALICE);

    const all = await alice.get(`/api/v1/workspaces/${cws}/leads?sort=name`);
    const web = await alice.get(`/api/v1/workspaces/${cws}/leads?sort=name&source=web`);
    const unsorted = await alice.get(`/api/v1/workspaces/${cws}/leads`);

    expect(all.status).toBe(400);
    expect(all.body.code).toBe('LIST.TOO_MANY_TO_SORT');
    expect(all.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(web.status).toBe(200);
    expect(lastNames(web.body)).toEqual(['almeida, Carla', 'Ødegård, Kari']);
    expect(unsorted.body.items).toHaveLength(3);
  });
});
