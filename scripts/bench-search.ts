/**
 * Search and write benchmark against an embedded, in-memory Azurite:
 *   npx tsx scripts/bench-search.ts          (BENCH_LEADS=100000 by default)
 * Seeds leads through the storage layer's own row builders, then compares `list(q=…)` (index range)
 * with a scan of the workspace's lead rows matched in memory, and `commit` inserts with raw
 * 100-entity transactions. Both sides of each comparison run in this process, on this Azurite.
 *
 * Azurite is not Azure: its LokiJS store makes every point read and write cost O(rows in the
 * partition) and every query O(rows in the table), so seeding is quadratic (a 20,000-lead partition,
 * ~200,000 rows, takes well over 5 minutes to seed) and absolute figures understate the index.
 * BENCH_COMMITS (2,000) and BENCH_RAW (20,000 entities) size the write comparison.
 */
import {
  TableClient,
  odata,
  type TableServiceClientOptions,
  type TransactionAction,
} from '@azure/data-tables';
import { matchesQuery } from '../shared/src/common/search-tokens';
import type { Lead } from '../shared/src/lead/lead';
import { recordSearchTokens } from '../shared/src/application/record-search';
import { startAzurite } from '../shared/src/storage/azurite';
import { mapBounded } from '../shared/src/storage/bounded';
import { planChangeSet } from '../shared/src/storage/change-set-actions';
import { connectTableStorage } from '../shared/src/storage/connect';
import { createIdGenerator } from '../shared/src/storage/ids';
import { readJsonColumns } from '../shared/src/storage/json-columns';
import { COMPANY, FIRST, LAST, SUFFIX } from './bench-names';

const LEADS = Number(process.env.BENCH_LEADS ?? 100_000);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 2_000);
const RAW_ENTITIES = Number(process.env.BENCH_RAW ?? 20_000);
const LIMIT = 50;
const CONCURRENCY = 8;
const WS = 'wsbench';

const QUERIES = [
  'jo',
  'odegard',
  'silva',
  'jan vries',
  'gonç',
  'ingrid hans',
  'fjord',
  'solucao dig',
  'bjorn',
  'sae',
  'bea lima',
  'nordlys as',
  'thiago',
  'visser',
  'conceicao',
  'kari dahl',
  'mul',
  'havbris',
  'rui smit',
  'zuidas',
];

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function leadMaker(seed: number) {
  const next = random(seed);
  const ids = createIdGenerator();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return (): Lead => {
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    const company = `${pick(COMPANY)} ${pick(SUFFIX)}`;
    const id = ids.newId();
    return {
      id,
      workspaceId: WS,
      status: 'open-not-contacted',
      firstName,
      lastName,
      company,
      email: `${firstName}.${id.slice(-6)}@${pick(COMPANY)}.example`.toLowerCase(),
      source: 'web',
      ownerId: 'bench-user',
      qualification: { budget: false, authority: false, need: false, timeline: false },
      createdAt: '2026-11-22T10:00:00.000Z',
      createdBy: 'bench-user',
      updatedAt: '2026-11-22T10:00:00.000Z',
      updatedBy: 'bench-user',
    };
  };
}

/** Seeds through planChangeSet (the rows `commit` writes), packed into raw 100-row batches. */
async function seed(table: TableClient, count: number, makeLead: () => Lead): Promise<number> {
  const batches: TransactionAction[][] = [[]];
  for (let i = 0; i < count; i++) {
    const { actions } = planChangeSet(
      WS,
      { writes: [{ type: 'insert', kind: 'lead', record: makeLead() }], events: [] },
      new Map(),
    );
    if ((batches.at(-1) as TransactionAction[]).length + actions.length > 100) batches.push([]);
    // The partition is fresh: create instead of upsert (the same rows; Azurite upserts are ~3x slower).
    (batches.at(-1) as TransactionAction[]).push(
      ...actions.map(([, entity]): TransactionAction => ['create', entity]),
    );
  }
  let done = 0;
  await mapBounded(batches, CONCURRENCY, async (batch) => {
    await table.submitTransaction(batch);
    if (++done % 100 === 0) process.stderr.write(`\rseeding: ${done}/${batches.length} batches`);
  });
  process.stderr.write('\n');
  return batches.reduce((n, b) => n + b.length, 0);
}

/** The baseline: read the lead rows in key order and match in memory until a page is full. */
async function scanSearch(table: TableClient, q: string): Promise<number> {
  const filter = odata`PartitionKey eq ${WS} and RowKey ge ${'rec|lead|'} and RowKey lt ${'rec|lead}'} and deleted eq false`;
  let found = 0;
  for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
    if (matchesQuery(recordSearchTokens('lead', readJsonColumns<Lead>(row)), q) && ++found === LIMIT) break;
  }
  return found;
}

/**
 * Counts the entities the table service returns: the work a search costs the service and the wire,
 * independent of how fast this machine or Azurite is. On Azure a query's time follows it.
 */
const rowsRead = { count: 0 };
const countingOptions: TableServiceClientOptions = {
  allowInsecureConnection: true,
  additionalPolicies: [
    {
      position: 'perCall',
      policy: {
        name: 'count-entities-read',
        async sendRequest(request, next) {
          const response = await next(request);
          if (request.method === 'GET' && response.status === 200 && response.bodyAsText) {
            try {
              const body = JSON.parse(response.bodyAsText) as { value?: unknown[] };
              rowsRead.count += Array.isArray(body.value) ? body.value.length : 1;
            } catch {
              // not JSON: nothing read
            }
          }
          return response;
        },
      },
    },
  ],
};

async function counted(fn: () => Promise<unknown>): Promise<number> {
  const before = rowsRead.count;
  await fn();
  return rowsRead.count - before;
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function main(): Promise<void> {
  if (LEADS > 10_000) {
    process.stderr.write(
      `note: seeding ${LEADS} leads into one Azurite partition is slow (cost grows with its size)\n`,
    );
  }
  const azurite = await startAzurite();
  try {
    const prefix = `bench${Date.now().toString(36)}`;
    const storage = connectTableStorage(
      { connectionString: azurite.connectionString },
      { tablePrefix: prefix, clientOptions: countingOptions },
    );
    await storage.ensureTables();
    const table = TableClient.fromConnectionString(
      azurite.connectionString,
      `${prefix}records`,
      countingOptions,
    );

    const seedStart = performance.now();
    const rows = await seed(table, LEADS, leadMaker(42));
    const seedSeconds = (performance.now() - seedStart) / 1000;

    process.stderr.write(`seeded in ${seedSeconds.toFixed(1)} s\n`);
    const indexed: number[] = [];
    const hits: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of QUERIES) {
        indexed.push(
          await timed(async () => {
            const page = await storage.records.list(WS, 'lead', { limit: LIMIT, q });
            if (round === 0) hits.push(page.items.length);
          }),
        );
      }
    }
    process.stderr.write('index searches done\n');
    const scanned: number[] = [];
    for (const q of QUERIES) scanned.push(await timed(() => scanSearch(table, q)));
    const indexRows: number[] = [];
    const scanRows: number[] = [];
    for (const q of QUERIES) {
      indexRows.push(await counted(() => storage.records.list(WS, 'lead', { limit: LIMIT, q })));
      scanRows.push(await counted(() => scanSearch(table, q)));
    }
    process.stderr.write('scan searches done\n');

    const makeLead = leadMaker(7);
    const commitMs = await timed(() =>
      mapBounded(Array.from({ length: COMMITS }), CONCURRENCY, async () => {
        const result = await storage.records.commit(WS, {
          writes: [{ type: 'insert', kind: 'lead', record: makeLead() }],
          events: [],
        });
        if (!result.ok) throw new Error(result.error.message);
      }),
    );
    const rawBatches = Array.from({ length: RAW_ENTITIES / 100 }, (_, b) =>
      Array.from({ length: 100 }, (_, i): TransactionAction => [
        'create',
        { partitionKey: WS, rowKey: `raw|${b}|${i}`, text: 'x'.repeat(400) },
      ]),
    );
    process.stderr.write('commits done\n');
    // Into the same partition as the commits: Azurite's cost per write grows with the partition.
    const rawMs = await timed(() =>
      mapBounded(rawBatches, CONCURRENCY, (batch) => table.submitTransaction(batch)),
    );

    const f = (n: number) => n.toFixed(1).padStart(9);
    const rowsPerLead = rows / LEADS;
    console.log(
      `\nSeeded ${LEADS.toLocaleString('en')} leads (${rows.toLocaleString('en')} rows, ${rowsPerLead.toFixed(1)}/lead) in ${seedSeconds.toFixed(1)} s`,
    );
    console.log(
      `Search, limit ${LIMIT}, ${QUERIES.length} queries (hits on first page: ${Math.min(...hits)}–${Math.max(...hits)})`,
    );
    console.log('                             p50 ms    p95 ms   samples');
    console.log(
      `  list(q) via index rows  ${f(percentile(indexed, 50))} ${f(percentile(indexed, 95))} ${String(indexed.length).padStart(9)}`,
    );
    console.log(
      `  scan + match in memory  ${f(percentile(scanned, 50))} ${f(percentile(scanned, 95))} ${String(scanned.length).padStart(9)}`,
    );
    console.log(
      `  ratio scan / index      ${f(percentile(scanned, 50) / percentile(indexed, 50))}x${f(percentile(scanned, 95) / percentile(indexed, 95))}x`,
    );
    console.log('Entities read from the table service per search (machine-independent)');
    console.log('                             p50       p95       max');
    const r = (xs: number[]) =>
      `${String(percentile(xs, 50)).padStart(9)} ${String(percentile(xs, 95)).padStart(9)} ${String(Math.max(...xs)).padStart(9)}`;
    console.log(`  list(q) via index rows  ${r(indexRows)}`);
    console.log(`  scan + match in memory  ${r(scanRows)}`);
    console.log(
      `  ratio scan / index      ${f(percentile(scanRows, 50) / percentile(indexRows, 50))}x${f(percentile(scanRows, 95) / percentile(indexRows, 95))}x`,
    );
    console.log(`Writes (${CONCURRENCY} in flight)`);
    const commitRate = COMMITS / (commitMs / 1000);
    console.log(
      `  commit, 1 lead per txn   ${commitRate.toFixed(0).padStart(7)} leads/s  ${(commitRate * rowsPerLead).toFixed(0).padStart(7)} rows/s`,
    );
    console.log(
      `  raw txn of 100 entities  ${(RAW_ENTITIES / (rawMs / 1000)).toFixed(0).padStart(7)} rows/s`,
    );
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
