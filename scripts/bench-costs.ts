/**
 * The `costs` phase of `npm run bench` (also `npx tsx scripts/bench-costs.ts [small,large]` alone):
 * what one API operation costs the storage account — calls, billed transactions, entities read and
 * written — in a workspace of each size (leads and as many deals), counted at the SDK by
 * `bench-storage-calls.ts` on an in-process tab app over the bench's Azurite. Each operation runs
 * three times and the last (warm: caches filled, as in a running server) is kept.
 *
 * `BENCH_COSTS_LEGACY=1` asks what the tab asked before the board endpoint existed (one list per
 * stage and the stale-deals report for the board; the dashboard's lookups), for the before/after
 * comparison on an older checkout.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Opportunity } from '../shared/src/opportunity/opportunity';
import { DEFAULT_STAGES } from '../shared/src/opportunity/stage';
import type { ChangeSet } from '../shared/src/records/change-set';
import type { RecordKind, RecordOf } from '../shared/src/records/records';
import { connectTableStorage } from '../shared/src/storage/connect';
import { mapBounded } from '../shared/src/storage/bounded';
import { createIdGenerator, systemClock } from '../shared/src/storage/ids';
import { createApp } from '../tab/server/app';
import { createDevTokenIssuer } from '../tab/server/auth/dev-token-issuer';
import { createTokenVerifier } from '../tab/server/auth/token-verifier';
import { createLogger } from '../tab/server/http/logging';
import { leadRows, leadsFromRows, opportunities } from './bench-data';
import { countingPolicy, minus, noCalls, type StorageCalls } from './bench-storage-calls';

export const OPERATIONS = [
  'create lead',
  'convert',
  'stage move',
  'list page',
  'search',
  'board open',
  'dashboard open',
  'report',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export type CostResults = {
  readonly sizes: readonly number[];
  /** Per operation, per size (records of each kind: leads, and as many deals). */
  readonly operations: Record<Operation, Record<string, StorageCalls>>;
  /** Per size, the hits the measured search listed (its page holds at most 50). */
  readonly searchHits: Record<string, number>;
  readonly legacy: boolean;
};

const CLIENT_ID = 'bench-costs';
const ACTOR = { tenantId: '00000000-0000-0000-0000-00000000c057', userId: 'bench-user', name: 'Bench' };
const LEGACY = process.env.BENCH_COSTS_LEGACY === '1';
/** Deals per seeding commit: each open deal is its record and 3 copies, plus the figure rows. */
const DEALS_PER_COMMIT = 12;
const LEADS_PER_COMMIT = 45;

type Api = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; json: unknown; etag: string }>;

export async function storageCosts(
  connectionString: string,
  sizes: readonly number[],
  log: (text: string) => void = () => undefined,
): Promise<CostResults> {
  const counter = noCalls();
  const tablePrefix = `cost${Date.now().toString(36)}`;
  const counted = connectTableStorage(
    { connectionString },
    {
      tablePrefix,
      clientOptions: { additionalPolicies: [{ policy: countingPolicy(counter), position: 'perCall' }] },
    },
  );
  await counted.ensureTables();
  // Seeding is not what is measured: another instance, not counted.
  const seeding = connectTableStorage({ connectionString }, { tablePrefix });
  const devTokens = await createDevTokenIssuer(CLIENT_ID);
  const app = createApp({
    app: {
      records: counted.records,
      workspaces: counted.workspaces,
      outbox: counted.outbox,
      teams: counted.teams,
      conversations: counted.conversations,
      clock: systemClock,
      ids: createIdGenerator(),
    },
    verifier: createTokenVerifier({ keys: devTokens.keys, clientId: CLIENT_ID }),
    logger: createLogger(process.env.BENCH_COSTS_LOG === '1' ? 'error' : 'silent'),
    ready: async () => undefined,
    rateLimit: { windowMs: 60_000, limit: 1_000_000 },
    addressRateLimit: { windowMs: 60_000, limit: 1_000_000 },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const token = await devTokens.issue(ACTOR);
  const api: Api = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(typeof body === 'object' && body !== null && 'ifMatch' in body
          ? { 'If-Match': String((body as { ifMatch: string }).ifMatch) }
          : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(withoutIfMatch(body)) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return {
      status: response.status,
      json: text ? (JSON.parse(text) as unknown) : undefined,
      etag: response.headers.get('etag') ?? '',
    };
  };

  const operations = Object.fromEntries(OPERATIONS.map((op) => [op, {}])) as CostResults['operations'];
  const searchHits: Record<string, number> = {};
  try {
    for (const size of sizes) {
      const ws = ((await api('POST', '/workspaces', { name: `Costs ${size}` })).json as { id: string }).id;
      log(`costs: seeding ${size} leads and ${size} deals`);
      await seed(seeding, ws, size);
      const w = `/workspaces/${ws}`;
      const rows = leadRows(1, 11, 'probe');
      const common = rows[0]?.[0] ?? 'Ana';
      let n = 0;
      const measured: Record<Operation, () => Promise<() => Promise<unknown>>> = {
        'create lead': async () => () =>
          api('POST', `${w}/leads`, { lastName: `Cost ${++n}`, email: `c${size}.${n}@cost.example` }),
        convert: async () => {
          const lead = (
            await api('POST', `${w}/leads`, { lastName: `Convert ${++n}`, company: `Firma ${n}` })
          ).json as { id: string };
          return () => api('POST', `${w}/leads/${lead.id}/convert`, {});
        },
        'stage move': async () => {
          const page = (await api('GET', `${w}/opportunities?limit=1&stage=proposal`)).json as {
            items: { id: string; etag: string }[];
          };
          const deal = page.items[0];
          if (!deal) throw new Error('no deal in proposal');
          return () =>
            api('PATCH', `${w}/opportunities/${deal.id}`, { stage: 'negotiation', ifMatch: deal.etag });
        },
        'list page': async () => () => api('GET', `${w}/leads?limit=50`),
        search: async () => () => api('GET', `${w}/leads?limit=50&q=${encodeURIComponent(common)}`),
        'board open': async () => () => boardOpen(api, w),
        'dashboard open': async () => () => dashboardOpen(api, w),
        report: async () => () => api('GET', `${w}/reports/pipeline`),
      };
      for (const op of OPERATIONS) {
        let last: StorageCalls = noCalls();
        for (let run = 0; run < 3; run++) {
          const go = await measured[op]();
          const before = { ...counter };
          const answer = await go();
          last = minus(counter, before);
          if (op === 'search') searchHits[String(size)] = itemsIn(answer);
        }
        operations[op][String(size)] = last;
        log(`costs: ${op} at ${size}: ${JSON.stringify(last)}`);
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return { sizes, operations, searchHits, legacy: LEGACY };
}

/** How many items a list answer holds. */
const itemsIn = (answer: unknown): number => {
  const json = (answer as { json?: { items?: unknown[] } } | undefined)?.json;
  return Array.isArray(json?.items) ? json.items.length : 0;
};

const withoutIfMatch = (body: unknown): unknown => {
  if (typeof body !== 'object' || body === null || !('ifMatch' in body)) return body;
  const { ifMatch: _ifMatch, ...rest } = body as Record<string, unknown>;
  return rest;
};

/** What the tab's board asks when it opens (before the board endpoint: a list per stage and the stale report). */
async function boardOpen(api: Api, w: string): Promise<void> {
  if (!LEGACY) {
    await api('GET', `${w}/board`);
    return;
  }
  await Promise.all([
    ...DEFAULT_STAGES.map((s) => api('GET', `${w}/opportunities?stage=${s.id}&limit=1000`)),
    api('GET', `${w}/reports/stale-deals`),
  ]);
}

/** What the tab's dashboard asks when it opens: its eight reports and the stage names. */
async function dashboardOpen(api: Api, w: string): Promise<void> {
  const reports = [
    'pipeline',
    'forecast',
    'conversion?by=source',
    'conversion?by=campaign',
    'campaigns',
    'win-rate',
    'sales-cycle',
    'stale-deals',
  ];
  const lookups = LEGACY ? [w, `${w}/members`, `${w}/organisations?limit=1000`] : [w];
  await Promise.all([
    ...reports.map((r) => api('GET', `${w}/reports/${r}`)),
    ...lookups.map((p) => api('GET', p)),
  ]);
}

/** `size` leads and `size` deals, committed through the storage layer (so figures are kept). */
async function seed(
  storage: ReturnType<typeof connectTableStorage>,
  ws: string,
  size: number,
): Promise<void> {
  const ids = createIdGenerator();
  const leads = leadsFromRows(leadRows(size, 23, `s${size}`), ws, ACTOR.userId, () => ids.newId());
  const deals = opportunities(size, ws, () => ids.newId());
  await commitAll(storage, ws, 'lead', leads, LEADS_PER_COMMIT);
  await commitAll(storage, ws, 'opportunity', deals as Opportunity[], DEALS_PER_COMMIT);
}

async function commitAll<K extends RecordKind>(
  storage: ReturnType<typeof connectTableStorage>,
  ws: string,
  kind: K,
  records: readonly RecordOf[K][],
  perCommit: number,
): Promise<void> {
  const sets: ChangeSet[] = [];
  for (let i = 0; i < records.length; i += perCommit) {
    sets.push({
      writes: records.slice(i, i + perCommit).map((record) => ({ type: 'insert' as const, kind, record })),
      events: [],
    });
  }
  await mapBounded(sets, 2, async (set) => {
    const result = await storage.records.commit(ws, set);
    if (!result.ok) throw new Error(result.error.message);
  });
}

if (require.main === module) {
  void (async () => {
    const { startAzurite } = await import('../shared/src/storage/azurite');
    const sizes = (process.argv[2] ?? '2000,20000').split(',').map(Number);
    const azurite = await startAzurite();
    try {
      const results = await storageCosts(azurite.connectionString, sizes, (t) =>
        process.stderr.write(`${t}\n`),
      );
      console.log(JSON.stringify(results, null, 2));
    } finally {
      await azurite.stop();
    }
  })();
}
