import { TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { startAzurite, type RunningAzurite } from './azurite';

// The key-order preload (azurite-key-order.js) against stock Azurite: the same random writes go to
// both, then random queries (partition queries that take the preload's path, others that do not),
// read page by page, must return the same rows in the same order with the same continuation tokens.
// The seed is printed on a mismatch; AZURITE_KEY_ORDER_SEED=<n> replays it.

const SEED = Number(process.env.AZURITE_KEY_ORDER_SEED ?? Date.now() % 1_000_000);
const ROUNDS = 4;
const WRITES_PER_ROUND = 120;
const QUERIES_PER_ROUND = 45;
const MAX_PAGES = 30;

/** mulberry32: a small seeded generator, so that a failing run can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof generator>;

// Numeric strings (LokiJS orders them as numbers, Table Storage and stock Azurite as strings), case,
// punctuation, a quote (OData escapes it), a non-ASCII letter and the empty RowKey.
const PARTITIONS = ['p', 'P', 'p0', '1', '10', '9', 'q q', "o'k"];
const KEY_CHARS = ['0', '1', '9', 'a', 'A', 'z', 'Z', '-', '_', '.', ' ', "'", 'é'];
const rowKey = (r: Random) => Array.from({ length: r.int(5) }, () => r.pick(KEY_CHARS)).join('');
const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;
const OPERATORS = ['eq', 'ge', 'gt', 'le', 'lt'] as const;
const MIRRORED = { eq: 'eq', ge: 'le', gt: 'lt', le: 'ge', lt: 'gt' } as const;

function randomFilter(r: Random): string {
  const terms: string[] = [];
  if (r.chance(0.8)) {
    const partition = r.chance(0.9) ? r.pick(PARTITIONS) : 'missing';
    terms.push(
      r.chance(0.8) ? `PartitionKey eq ${quoted(partition)}` : `${quoted(partition)} eq PartitionKey`,
    );
  }
  for (let i = r.int(3); i > 0; i--) {
    const operator = r.pick(OPERATORS);
    const key = quoted(rowKey(r));
    terms.push(r.chance(0.8) ? `RowKey ${operator} ${key}` : `${key} ${MIRRORED[operator]} RowKey`);
  }
  if (r.chance(0.4)) {
    terms.push(
      r.pick([
        `n lt ${r.int(10)}`,
        `not (n eq ${r.int(10)})`,
        `(n lt 3 or n gt 6)`,
        `s eq ${quoted(r.pick(['x', 'y']))}`,
        `PartitionKey ne ${quoted(r.pick(PARTITIONS))}`,
      ]),
    );
  }
  if (terms.length === 0) terms.push(`n ge ${r.int(10)}`);
  // Shuffled, sometimes bracketed, sometimes under an `or` (no longer a top-level partition term).
  const shuffled = terms.sort(() => r.next() - 0.5);
  let filter = shuffled.map((t) => (r.chance(0.3) ? `(${t})` : t)).join(' and ');
  if (r.chance(0.1)) filter = `(${filter}) or (PartitionKey eq ${quoted(r.pick(PARTITIONS))} and n eq 1)`;
  return filter;
}

/** A continuation token as the SDK builds one from Azurite's base64 headers. */
function token(partition: string, row?: string): string {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const parts = { nextPartitionKey: b64(partition), ...(row ? { nextRowKey: b64(row) } : {}) };
  return Buffer.from(JSON.stringify(parts)).toString('base64');
}

type Page = { rows: string[]; next?: string };

async function readPages(
  client: TableClient,
  filter: string,
  top: number | undefined,
  start: string | undefined,
): Promise<Page[] | string> {
  const pages: Page[] = [];
  try {
    const iterator = client
      .listEntities({ queryOptions: { filter } })
      .byPage({ ...(top ? { maxPageSize: top } : {}), ...(start ? { continuationToken: start } : {}) });
    for await (const page of iterator) {
      pages.push({
        rows: page.map((e) => `${e.partitionKey}|${e.rowKey}|${String(e.n)}|${String(e.s)}`),
        next: page.continuationToken,
      });
      if (pages.length >= MAX_PAGES) break;
    }
  } catch (error) {
    return `error ${(error as { statusCode?: number }).statusCode ?? String(error)}`;
  }
  return pages;
}

type Entity = TableEntity<{ n: number; s: string }>;

function randomWrite(r: Random): (client: TableClient) => Promise<unknown> {
  const entity = (): Entity => ({
    partitionKey: r.pick(PARTITIONS),
    rowKey: rowKey(r),
    n: r.int(10),
    s: r.pick(['x', 'y']),
  });
  const e = entity();
  switch (r.int(6)) {
    case 0:
    case 1:
      return (c) => c.createEntity(e);
    case 2: {
      const mode = r.chance(0.5) ? 'Merge' : 'Replace';
      return (c) => c.upsertEntity(e, mode);
    }
    case 3:
      return (c) => c.updateEntity({ partitionKey: e.partitionKey, rowKey: e.rowKey, n: e.n }, 'Merge');
    case 4:
      return (c) => c.deleteEntity(e.partitionKey, e.rowKey);
    default: {
      // A transaction in one partition; a create of a row that exists fails it, and Azurite rolls back.
      const actions: TransactionAction[] = [];
      const seen = new Set<string>();
      for (let i = 2 + r.int(5); i > 0; i--) {
        const row = { ...entity(), partitionKey: e.partitionKey };
        if (seen.has(row.rowKey)) continue;
        seen.add(row.rowKey);
        actions.push(r.chance(0.7) ? ['create', row] : r.chance(0.5) ? ['upsert', row] : ['delete', row]);
      }
      return (c) => c.submitTransaction(actions);
    }
  }
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: { statusCode?: number }) => `error ${error.statusCode ?? '?'}`,
  );

describe('Azurite key-order preload against stock Azurite', () => {
  let stock: RunningAzurite;
  let ordered: RunningAzurite;
  beforeAll(async () => {
    [stock, ordered] = await Promise.all([startAzurite({ stock: true }), startAzurite({ stock: false })]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([stock?.stop(), ordered?.stop()]);
  });

  it('is on for the Azurite that package.json pins (a new version: check the preload against it first)', () => {
    expect(stock.keyOrder).toBe(false);
    expect(ordered.keyOrder).toBe(true);
  });

  it(`answers random queries with stock's rows, order and continuation through random writes (seed ${SEED})`, async () => {
    const r = generator(SEED);
    const table = `keyorder${SEED}`;
    const clients = [stock, ordered].map((a) =>
      TableClient.fromConnectionString(a.connectionString, table, { allowInsecureConnection: true }),
    ) as [TableClient, TableClient];
    await Promise.all(clients.map((c) => c.createTable()));
    let compared = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < WRITES_PER_ROUND; i++) {
        const write = randomWrite(r);
        const [a, b] = await Promise.all(clients.map((c) => outcome(write(c))));
        expect({ seed: SEED, round, write: i, outcome: b }).toEqual({
          seed: SEED,
          round,
          write: i,
          outcome: a,
        });
      }
      for (let i = 0; i < QUERIES_PER_ROUND; i++) {
        const filter = randomFilter(r);
        const top = r.chance(0.2) ? undefined : 1 + r.int(8);
        const start = r.chance(0.2)
          ? token(r.pick(PARTITIONS), r.chance(0.7) ? rowKey(r) : undefined)
          : undefined;
        const [a, b] = await Promise.all(clients.map((c) => readPages(c, filter, top, start)));
        expect({ seed: SEED, filter, top, start, pages: b }).toEqual({
          seed: SEED,
          filter,
          top,
          start,
          pages: a,
        });
        compared++;
      }
    }
    expect(compared).toBe(ROUNDS * QUERIES_PER_ROUND);
    // The data is not trivial: the tables hold rows in most partitions.
    const all = await readPages(clients[0], 'n ge 0', undefined, undefined);
    expect(typeof all === 'string' ? 0 : all.flatMap((p) => p.rows).length).toBeGreaterThan(100);
  });
});
