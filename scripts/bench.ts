/**
 * `npm run bench` (≈ 15–19 min on an idle 2-core machine at the default sizes; bench/README.md)
 * and `npm run bench:100k` (the large sizes at 100,000; hours on Azurite).
 *
 * One run, one embedded Azurite (in memory) as `npm start` runs it (with the key-order preload;
 * `AZURITE_STOCK=1` as published), the real tab server as a child process. Phases
 * (`BENCH_ONLY=raw,old,import,reads,reports,costs,load,relay,tab` runs a subset):
 *  raw     raw SDK baseline: single rows in 100-row transactions, and point reads: the storage's limit;
 *  old     the first layout (all index rows in the workspace partition), written with raw SDK rows of
 *          its shape at BENCH_OLD sizes, then its reads;
 *  import  CSV import through the API (POST .../leads/import, the background job) at BENCH_SMALL and
 *          BENCH_LARGE leads, each into a fresh workspace;
 *  reads   list, filtered list, point read and search p50/p95 through the API in the BENCH_LARGE
 *          workspace (the import's; without the import phase the same leads are seeded through the
 *          storage layer's commit, which writes the rows an import writes, 45 leads per commit);
 *  reports every report the dashboard asks for, the board's first load and a column's next page, over
 *          BENCH_OPPORTUNITIES opportunities (from the maintained figures and deal copies);
 *  costs   storage calls, billed transactions and entities read per operation (create lead,
 *          convert, stage move, list page, search, board open, dashboard open, report) at
 *          BENCH_SMALL and BENCH_LARGE records, counted by an SDK pipeline policy
 *          (scripts/bench-costs.ts), with what they cost on Azure;
 *  load    autocannon: mixed reads, then writes; Azurite's own point reads in the same partition as
 *          the ceiling; the server's peak memory (VmHWM);
 *  relay   scripts/bench-relay.ts;  tab  scripts/bench-tab.ts (each a child process).
 * Prints the tables and writes bench/results.json and bench/results.md (the tables of bench/README.md);
 * a subset run writes bench/results-partial.json/.md instead. Absolute figures depend on the machine
 * and on what else runs on it: read the ratios, which come from one run.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { TableClient, type TransactionAction } from '@azure/data-tables';
import Papa from 'papaparse';
import type { Lead } from '../shared/src/lead/lead';
import {
  isImportJobCompleted,
  isImportJobFailed,
  type ImportJobStatus,
} from '../shared/src/imports/import-job';
import type { Opportunity } from '../shared/src/opportunity/opportunity';
import { COMMIT_CAPACITY, figureRowsOf, insertCost, planCommit } from '../shared/src/records/row-plan';
import type { ChangeSet } from '../shared/src/records/change-set';
import { connectTableStorage, type TableStorage } from '../shared/src/storage/connect';
import { azuriteVersion, freePort, startAzurite } from '../shared/src/storage/azurite';
import { mapBounded } from '../shared/src/storage/bounded';
import { createIdGenerator } from '../shared/src/storage/ids';
import { recordKey } from '../shared/src/storage/record-keys';
import { CSV_HEADER, leadRows, leadsFromRows, opportunities, percentile, timed } from './bench-data';
import { benchMarkdown, type BenchResults } from './bench-markdown';
import { storageCosts } from './bench-costs';
import { firstPage, oldLayoutRows, oldSearch, writeOldLayout } from './bench-old-layout';
import {
  log,
  phase,
  phaseCpuSeconds,
  phaseSeconds,
  progress,
  selectedPhases,
  setCpuProbe,
  PHASES,
} from './bench-phases';
import { waitForHealth } from './jest/process-under-test';
import { writeBundle } from '../tab/server/bundle/browser-bundle';

const BIG = process.argv.includes('--100k');
const env = process.env;
const ONLY = selectedPhases(env.BENCH_ONLY);
const SMALL = Number(env.BENCH_SMALL ?? 2_000);
const LARGE = Number(env.BENCH_LARGE ?? (BIG ? 100_000 : 20_000));
const OLD_SIZES = (env.BENCH_OLD ?? '2000,5000').split(',').map(Number);
const OPPORTUNITIES = Number(env.BENCH_OPPORTUNITIES ?? (BIG ? 100_000 : 20_000));
const RAW_ROWS = Number(env.BENCH_RAW ?? 20_000);
const SECONDS = Number(env.BENCH_SECONDS ?? 15);
const SAMPLES = Number(env.BENCH_SAMPLES ?? 30);
const LIMIT = 50;
/**
 * US dollars per 10,000 Table Storage transactions (standard, LRS: the list price we used; check the
 * Azure price list for your region and redundancy, and set BENCH_PRICE_PER_10K).
 */
const PRICE_PER_10K = Number(env.BENCH_PRICE_PER_10K ?? 0.00036);
const PREFIX = 'bench';
const rate = (n: number, ms: number) => (n / ms) * 1000;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const stats = (samples: number[]) => ({
  p50: round(percentile(samples, 50)),
  p95: round(percentile(samples, 95)),
});

type Api = { url: string; headers: Record<string, string> };

async function call(api: Api, method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${api.url}/api/v1${path}`, {
    method,
    headers: { ...api.headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

const createWorkspace = async (api: Api, name: string): Promise<string> =>
  ((await (await call(api, 'POST', '/workspaces', { name })).json()) as { id: string }).id;

async function sample(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up, not counted
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await timed(fn));
  return out;
}

/** Point reads of `keys` in one partition, `inFlight` at once, for `seconds`: reads per second. */
async function pointReadRate(table: TableClient, pk: string, keys: readonly string[], seconds: number) {
  let reads = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (performance.now() < until) await table.getEntity(pk, keys[reads++ % keys.length] as string);
    }),
  );
  return round(reads / seconds, 0);
}

/** Raw single rows, 100 per transaction, into a fresh partition; the best of 2 and 8 in flight. */
async function rawBaseline(
  connectionString: string,
): Promise<{ rowsPerSecond: number; pointReadsPerSecond: number } & Record<string, number>> {
  const result: Record<string, number> = {};
  for (const inFlight of [2, 8]) {
    const table = TableClient.fromConnectionString(connectionString, `raw${inFlight}`, {
      allowInsecureConnection: true,
    });
    await table.createTable();
    const rows = leadRows(RAW_ROWS, 3, 'r');
    const batches = Array.from({ length: Math.ceil(RAW_ROWS / 100) }, (_, b) =>
      rows.slice(b * 100, b * 100 + 100).map((r, i): TransactionAction => {
        const [firstName, lastName, email, company, title, phone, source] = r;
        const entity = { firstName, lastName, email, company, title, phone, source };
        return ['create', { partitionKey: 'raw', rowKey: String(b * 100 + i).padStart(9, '0'), ...entity }];
      }),
    );
    const tick = progress(`raw rows, ${inFlight} in flight`, RAW_ROWS, 'rows');
    let written = 0;
    const ms = await timed(() =>
      mapBounded(batches, inFlight, async (batch) => {
        await table.submitTransaction(batch);
        tick((written += batch.length));
      }),
    );
    result[`rowsPerSecond${inFlight}InFlight`] = round(rate(RAW_ROWS, ms), 0);
  }
  const rowsPerSecond = Math.max(...Object.values(result));
  // Azurite's own point reads, 10 in flight (as the load test's connections).
  const table = TableClient.fromConnectionString(connectionString, 'raw8', { allowInsecureConnection: true });
  const keys = Array.from({ length: RAW_ROWS }, (_, i) => String(i).padStart(9, '0'));
  return { ...result, rowsPerSecond, pointReadsPerSecond: await pointReadRate(table, 'raw', keys, 5) };
}

function csvLeads(rows: string[][], ws: string): Lead[] {
  const ids = createIdGenerator();
  return leadsFromRows(rows, ws, 'bench-user', () => ids.newId());
}

/** Rows per lead in each layout, counted from the row plans of the first 1,000 generated leads. */
function rowsPerLead(rows: string[][]) {
  const leads = csvLeads(rows.slice(0, 1000), 'ws');
  const plans = leads.map((record) =>
    planCommit('ws', { writes: [{ type: 'insert', kind: 'lead', record }], events: [] }),
  );
  const sum = (f: (n: number) => number) => round(leads.reduce((n, _, i) => n + f(i), 0) / leads.length, 1);
  return {
    oldWorkspacePartition: sum((i) => oldLayoutRows('ws', leads[i] as Lead).length),
    newWorkspacePartition: sum((i) => plans[i]?.partition.length ?? NaN),
    newSearchIndex: sum((i) => plans[i]?.indexBefore.length ?? NaN),
  };
}

/** Queries drawn from the generated data: common and rare, by name, email and company. */
function searchQueries(rows: string[][]): Record<string, string> {
  const row = (i: number) => rows[i % rows.length] as string[];
  const word = (text: string | undefined) => (text ?? '').split(' ')[0] ?? '';
  return {
    'name, common (first name)': word(row(0)[0]),
    'name, rare (first + last)': `${row(123)[0]} ${row(123)[1]}`,
    'email, whole address': row(456)[2] ?? '',
    'company, common word': word(row(7)[3]),
    'company, rare (company + first name)': `${row(789)[3]} ${row(789)[0]}`,
    'prefix of two letters': 'jo',
  };
}

async function oldLayout(connectionString: string, queries: Record<string, string>) {
  const table = TableClient.fromConnectionString(connectionString, 'oldlayout', {
    allowInsecureConnection: true,
  });
  await table.createTable();
  const ws = 'wsold';
  const max = Math.max(...OLD_SIZES);
  const rows = leadRows(max, 1, 'o');
  const leads = csvLeads(rows, ws);
  const imports: { leads: number; leadsPerSecond: number; rowsPerLead: number }[] = [];
  let done = 0;
  let totalMs = 0;
  let written = 0;
  for (const size of OLD_SIZES) {
    log(`old layout: writing leads ${done}–${size}`);
    const before = written;
    const expected = leads.slice(done, size).reduce((n, l) => n + oldLayoutRows(ws, l).length, 0);
    const tick = progress(`old layout rows ${done}–${size} leads`, expected, 'rows');
    const ms = await timed(
      async () => (written += await writeOldLayout(table, ws, leads.slice(done, size), tick)),
    );
    totalMs += ms;
    imports.push({
      leads: size,
      leadsPerSecond: round(rate(size - done, ms), 0),
      rowsPerLead: round((written - before) / (size - done), 1),
    });
    done = size;
  }
  log('old layout: reads');
  const ids = leads.slice(0, 200).map((l) => l.id);
  let n = 0;
  const pointRead = stats(
    await sample(SAMPLES, () => table.getEntity(ws, `rec|lead|${ids[n++ % ids.length] as string}`)),
  );
  const list = stats(await sample(SAMPLES, () => firstPage(table, ws, LIMIT)));
  const search: Record<string, { p50: number; p95: number }> = {};
  const all: number[] = [];
  for (const [name, q] of Object.entries(queries)) {
    const s = await sample(Math.ceil(SAMPLES / 3), () => oldSearch(table, ws, q, LIMIT));
    all.push(...s);
    search[name] = stats(s);
  }
  return {
    imports,
    overallLeadsPerSecond: round(rate(done, totalMs), 0),
    pointRead,
    list,
    search,
    searchAll: stats(all),
    leads: done,
  };
}

async function importThroughApi(api: Api, dir: string, rows: string[][], tag: string) {
  const size = rows.length;
  const ws = await createWorkspace(api, `Import ${tag} ${size}`);
  const csv = Papa.unparse([CSV_HEADER, ...rows], { newline: '\r\n' });
  const path = join(dir, `leads-${size}.csv`);
  await writeFile(path, csv);
  log(`import through the API: ${size} leads (${(csv.length / 1e6).toFixed(1)} MB)`);
  const start = performance.now();
  const response = await fetch(`${api.url}/api/v1/workspaces/${ws}/leads/import`, {
    method: 'POST',
    headers: { ...api.headers, 'Content-Type': 'text/csv' },
    body: await readFile(path),
  });
  let job = (await response.json()) as {
    id?: string;
    status?: ImportJobStatus;
    created: number;
    processedRows?: number;
  };
  const tick = progress(`import of ${size}`, size, 'rows');
  while (response.status === 202 && !isImportJobCompleted(job)) {
    if (isImportJobFailed(job)) throw new Error(`import failed: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 250));
    job = (await (
      await call(api, 'GET', `/workspaces/${ws}/imports/${String(job.id)}`)
    ).json()) as typeof job;
    tick(job.processedRows ?? 0);
  }
  const ms = performance.now() - start;
  if (job.created !== size) throw new Error(`imported ${job.created} of ${size}`);
  return { ws, leads: size, seconds: round(ms / 1000), leadsPerSecond: round(rate(size, ms), 0) };
}

/**
 * The reads' workspace without the import phase: the same leads, committed through the storage
 * layer (record, email row and search-index rows, as the import writes them), 45 leads per commit.
 */
async function seedLeads(api: Api, storage: TableStorage, rows: string[][]): Promise<string> {
  const ws = await createWorkspace(api, `Seeded ${rows.length}`);
  const leads = csvLeads(rows, ws);
  const sets: Lead[][] = [];
  for (let i = 0; i < leads.length; i += 45) sets.push(leads.slice(i, i + 45));
  const tick = progress('seeding leads', leads.length, 'leads');
  let done = 0;
  const ms = await timed(() =>
    mapBounded(sets, 2, async (set) => {
      const result = await storage.records.commit(ws, {
        writes: set.map((record) => ({ type: 'insert' as const, kind: 'lead' as const, record })),
        events: [],
      });
      if (!result.ok) throw new Error(result.error.message);
      tick((done += set.length));
    }),
  );
  log(`seeded ${leads.length} leads in ${round(ms / 1000)} s`);
  return ws;
}

async function firstPageIds(api: Api, ws: string): Promise<string[]> {
  const page = (await (await call(api, 'GET', `/workspaces/${ws}/leads?limit=${LIMIT}`)).json()) as {
    items: { id: string }[];
  };
  return page.items.map((l) => l.id);
}

async function readsThroughApi(api: Api, ws: string, queries: Record<string, string>) {
  const base = `/workspaces/${ws}/leads`;
  const ids = await firstPageIds(api, ws);
  let n = 0;
  const get = (path: string) => () => call(api, 'GET', path).then((r) => r.arrayBuffer());
  const result = {
    pointRead: stats(await sample(SAMPLES, () => get(`${base}/${ids[n++ % ids.length] as string}`)())),
    firstPage: stats(await sample(SAMPLES, get(`${base}?limit=${LIMIT}`))),
    byStatus: stats(await sample(SAMPLES, get(`${base}?limit=${LIMIT}&status=open-not-contacted`))),
    bySource: stats(await sample(SAMPLES, get(`${base}?limit=${LIMIT}&source=trade-show`))),
    search: {} as Record<string, { p50: number; p95: number; hits: number }>,
    searchAll: { p50: 0, p95: 0 },
  };
  const all: number[] = [];
  for (const [name, q] of Object.entries(queries)) {
    const path = `${base}?limit=${LIMIT}&q=${encodeURIComponent(q)}`;
    const hits = ((await (await call(api, 'GET', path)).json()) as { items: unknown[] }).items.length;
    const s = await sample(Math.ceil(SAMPLES / 2), get(path));
    all.push(...s);
    result.search[name] = { ...stats(s), hits };
  }
  result.searchAll = stats(all);
  return result;
}

/** Change sets of opportunity inserts, each as full as one transaction allows (records, copies, figures). */
function packDeals(deals: readonly Opportunity[]): ChangeSet[] {
  const sets: ChangeSet[] = [];
  let writes: ChangeSet['writes'][number][] = [];
  let rows = 0;
  let figures = new Set<string>();
  for (const record of deals) {
    const cost = insertCost('opportunity', record);
    const withThis = new Set([...figures, ...figureRowsOf('opportunity', record)]);
    if (writes.length && rows + cost + withThis.size > COMMIT_CAPACITY) {
      sets.push({ writes, events: [] });
      writes = [];
      rows = 0;
      figures = new Set(figureRowsOf('opportunity', record));
    } else figures = withThis;
    writes.push({ type: 'insert', kind: 'opportunity', record });
    rows += cost;
  }
  if (writes.length) sets.push({ writes, events: [] });
  return sets;
}

/** The reports the dashboard asks for (its query strings), each timed on its own. */
const DASHBOARD_REPORTS = [
  'pipeline',
  'forecast',
  'conversion?by=source',
  'conversion?by=campaign',
  'campaigns',
  'win-rate',
  'sales-cycle',
  'stale-deals',
];

async function reports(api: Api, storage: TableStorage) {
  const ws = await createWorkspace(api, 'Reports');
  const ids = createIdGenerator();
  const opps = opportunities(OPPORTUNITIES, ws, () => ids.newId());
  log(`reports: seeding ${OPPORTUNITIES} opportunities`);
  const sets = packDeals(opps);
  const tick = progress('seeding opportunities', OPPORTUNITIES, 'opportunities');
  let done = 0;
  await mapBounded(sets, 2, async (set) => {
    const result = await storage.records.commit(ws, set);
    if (!result.ok) throw new Error(result.error.message);
    tick((done += set.writes.length));
  });
  const timedGet = async (path: string) =>
    stats(
      await sample(Math.ceil(SAMPLES / 2), () =>
        call(api, 'GET', `/workspaces/${ws}${path}`).then((r) => r.arrayBuffer()),
      ),
    );
  const byName: Record<string, { p50: number; p95: number }> = {};
  for (const name of DASHBOARD_REPORTS) byName[name] = await timedGet(`/reports/${name}`);
  const board = (await (await call(api, 'GET', `/workspaces/${ws}/board`)).json()) as {
    columns: { stage: string; nextCursor: string | null }[];
  };
  const column = board.columns.find((c) => c.nextCursor);
  return {
    opportunities: OPPORTUNITIES,
    byName,
    boardOpen: await timedGet('/board'),
    boardMore: column
      ? await timedGet(`/board/${column.stage}?cursor=${encodeURIComponent(column.nextCursor as string)}`)
      : null,
  };
}

/** Where a load run's CPU went: milliseconds per request in the tab server and in Azurite. */
type CpuProbe = { server: number; azurite?: number };

async function autocannonRun(api: Api, name: string, pids: CpuProbe, requests: autocannon.Request[]) {
  log(`autocannon: ${name}, ${SECONDS} s`);
  const before = await Promise.all([cpuSecondsOf(pids.server), cpuSecondsOf(pids.azurite)]);
  const result = await autocannon({
    url: api.url,
    connections: 10,
    duration: SECONDS,
    headers: api.headers,
    // A request's path replaces the URL's path.
    requests: requests.map((r) => ({ ...r, path: `/api/v1${r.path ?? ''}` })),
  });
  const after = await Promise.all([cpuSecondsOf(pids.server), cpuSecondsOf(pids.azurite)]);
  const perRequest = (i: number) =>
    round(((after[i] as number) - (before[i] as number)) * (1000 / Math.max(1, result.requests.total)), 2);
  return {
    requestsPerSecond: round(result.requests.average, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    cpuMsPerRequest: { tabServer: perRequest(0), azurite: perRequest(1) },
  };
}

/** CPU seconds a process has used (user + system), from /proc; NaN where there is no /proc. */
const cpuSecondsOf = async (pid: number | undefined): Promise<number> => {
  const stat = pid ? await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '') : '';
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** The Azurite table service's process (the one listening on `port`), found through /proc. */
async function azuritePid(port: number): Promise<number | undefined> {
  const { readdir } = await import('node:fs/promises');
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(`--tablePort\0${port}\0`)) return Number(entry);
  }
  return undefined;
}

const memoryOf = async (pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
};

async function load(
  api: Api,
  connectionString: string,
  pids: CpuProbe,
  ws: string,
  ids: string[],
  queries: Record<string, string>,
) {
  const serverPid = pids.server;
  // Azurite's ceiling for what the API reads here: point reads of the same partition's record rows.
  const records = TableClient.fromConnectionString(connectionString, `${PREFIX}records`, {
    allowInsecureConnection: true,
  });
  const azuritePointReadsPerSecond = await pointReadRate(
    records,
    ws,
    ids.map((id) => recordKey('lead', id)),
    5,
  );
  log(`Azurite point reads in the ${LARGE}-lead partition: ${azuritePointReadsPerSecond}/s`);
  let peakRss = 0;
  const sampler = setInterval(() => {
    void memoryOf(serverPid, 'VmRSS').then((mb) => (peakRss = Math.max(peakRss, mb)));
  }, 250);
  const base = `/workspaces/${ws}/leads`;
  const id = (i: number) => ids[i % ids.length] as string;
  const mixed = await autocannonRun(api, 'mixed reads', pids, [
    { method: 'GET', path: `${base}?limit=20` },
    { method: 'GET', path: `${base}/${id(1)}` },
    {
      method: 'GET',
      path: `${base}?limit=20&q=${encodeURIComponent(queries['name, rare (first + last)'] ?? '')}`,
    },
    { method: 'GET', path: `${base}/${id(2)}` },
    { method: 'GET', path: `${base}?limit=20&source=trade-show` },
    { method: 'GET', path: `${base}/${id(3)}` },
  ]);
  let n = 0;
  const writes = await autocannonRun(api, 'writes (lead create)', pids, [
    {
      method: 'POST',
      path: base,
      headers: { 'Content-Type': 'application/json' },
      setupRequest: (request) => {
        n += 1;
        return {
          ...request,
          body: JSON.stringify({ firstName: 'Bench', lastName: `Write ${n}`, email: `w${n}@load.example` }),
        };
      },
    },
  ]);
  clearInterval(sampler);
  return {
    api: { mixedReads: mixed, writes, azuritePointReadsPerSecond },
    memory: { peakRssMb: round(Math.max(peakRss, await memoryOf(serverPid, 'VmHWM')), 0) },
  };
}

/** Runs another benchmark script as a child; its stdout is kept for the results. */
async function child(script: string): Promise<{ exitCode: number | null; output: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(__dirname, script)], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  const exitCode = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
  return { exitCode, output };
}

/** The tab benchmark prints its result as one JSON object before its verdict line. */
const jsonIn = (output: string): unknown => {
  const start = output.indexOf('{');
  const end = output.lastIndexOf('}');
  try {
    return start >= 0 && end > start ? JSON.parse(output.slice(start, end + 1)) : undefined;
  } catch {
    return undefined;
  }
};

/** Issue 19's targets, with this run's figures. */
function targetsOf(r: BenchResults): BenchResults['targets'] {
  const targets: BenchResults['targets'] = [];
  const costs = r.costs;
  if (costs) {
    const [small, large] = costs.sizes.map(String);
    for (const op of ['dashboard open', 'board open'] as const) {
      const a = costs.operations[op][small as string]?.entitiesRead;
      const b = costs.operations[op][large as string]?.entitiesRead;
      if (a === undefined || b === undefined) continue;
      const ratio = b / Math.max(1, a);
      targets.push({
        target: `entities read per ${op} at ${n(Number(large))} ≤ 1.2 × at ${n(Number(small))}`,
        value: `${round(ratio, 2)} (${b} / ${a})`,
        met: ratio <= 1.2,
      });
    }
    const search = costs.operations.search[large as string]?.calls;
    if (search !== undefined)
      targets.push({ target: 'storage calls per search ≤ 3', value: search, met: search <= 3 });
  }
  const report = r.newLayout.reports;
  if (report) {
    const worst = Object.entries(report.byName).sort(([, a], [, b]) => b.p95 - a.p95)[0];
    if (worst)
      targets.push({
        target: `reports p95 < 100 ms at ${n(report.opportunities)} deals (slowest of ${Object.keys(report.byName).length})`,
        value: `${worst[1].p95} (${worst[0]})`,
        met: worst[1].p95 < 100,
      });
    targets.push({
      target: `board first load p95 < 200 ms at ${n(report.opportunities)} deals`,
      value: report.boardOpen.p95,
      met: report.boardOpen.p95 < 200,
    });
  }
  const reads = r.newLayout.reads;
  if (reads) {
    const worst = Object.entries(reads.search).sort(([, a], [, b]) => b.p95 - a.p95)[0];
    if (worst)
      targets.push({
        target: `search p95 < 150 ms at ${n(r.sizes.large)} leads, every query`,
        value: `${worst[1].p95} (slowest: ${worst[0]}, ${worst[1].hits} hits)`,
        met: worst[1].p95 < 150,
      });
    targets.push({
      target: 'first page p95 < 50 ms',
      value: reads.firstPage.p95,
      met: reads.firstPage.p95 < 50,
    });
  }
  const [small, large] = r.newLayout.imports ?? [];
  if (small && large) {
    const ratio = large.leadsPerSecond / small.leadsPerSecond;
    targets.push({
      target: `import rate at ${n(large.leads)} ≥ 0.7 × rate at ${n(small.leads)}`,
      value: `${round(ratio, 2)} (${large.leadsPerSecond} / ${small.leadsPerSecond} leads/s)`,
      met: ratio >= 0.7,
    });
  }
  const mixed = r.api?.mixedReads;
  if (mixed?.cpuMsPerRequest) {
    const cpu = mixed.cpuMsPerRequest.tabServer;
    targets.push({
      target: 'tab server CPU per mixed read ≤ 3 ms',
      value: `${cpu} (${mixed.requestsPerSecond} req/s, p99 ${mixed.p99} ms, ${mixed.errors + mixed.non2xx} errors)`,
      met: cpu <= 3,
    });
  }
  return targets;
}

const n = (value: number) => value.toLocaleString('en-US');

async function main(): Promise<void> {
  const started = Date.now();
  log(`phases: ${[...ONLY].join(', ')}`);
  const azurite = await startAzurite();
  const cs = azurite.connectionString;
  const dir = await mkdtemp(join(tmpdir(), 'bench-'));
  // The server runs as in production, which serves only a browser bundle built ahead of time.
  const assets = join(dir, 'public');
  await writeBundle(assets);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_CPU_PROF=<dir>: the tab server writes a V8 CPU profile there when it stops.
  const profile = env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', env.BENCH_CPU_PROF] : [];
  const server = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', join(__dirname, '../tab/server/index.ts')],
    {
      env: {
        PATH: env.PATH,
        STORAGE_CONNECTION_STRING: cs,
        TABLE_PREFIX: PREFIX,
        TAB_PORT: String(port),
        AUTH_MODE: 'dev',
        RATE_LIMIT_PER_MINUTE: '1000000',
        // The bench measures the API's ceiling, not the limits that protect it.
        RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
        DATA_DIR: dir,
        LOG_LEVEL: 'warn',
        // The prebuilt bundle, as in production; NODE_ENV=production itself refuses dev sign-in.
        TAB_ASSETS_DIR: assets,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => server.once('exit', resolve));
  let stopped = false;
  const stopServices = async () => {
    if (stopped) return;
    stopped = true;
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
    await azurite.stop();
  };
  // CPU seconds per phase: the storage emulator's, the tab server's and this process's (bench-phases).
  const azuritePidNow = await azuritePid(azurite.port);
  setCpuProbe(async () => ({
    azurite: await cpuSecondsOf(azuritePidNow),
    tabServer: await cpuSecondsOf(server.pid),
    bench: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  }));
  const loadAverage = { start: loadavg().map((l) => round(l, 1)), end: [] as number[] };
  log(`load average (1, 5, 15 min): ${loadAverage.start.join(', ')}`);
  try {
    const raw = await phase(ONLY, 'raw', `raw SDK: ${RAW_ROWS} rows twice, point reads`, () =>
      rawBaseline(cs),
    );
    const largeRows = leadRows(LARGE, 11, 'l');
    const queries = searchQueries(largeRows);
    const old = await phase(ONLY, 'old', `first layout at ${OLD_SIZES.join(', ')} leads`, () =>
      oldLayout(cs, queries),
    );

    await waitForHealth(url, exited);
    const issued = await fetch(`${url}/api/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        tenantId: '00000000-0000-0000-0000-00000000b001',
        userId: 'bench-user',
        name: 'Bench',
      }),
    });
    const { token } = (await issued.json()) as { token: string };
    const api: Api = { url, headers: { Authorization: `Bearer ${token}` } };
    const storage = connectTableStorage({ connectionString: cs }, { tablePrefix: PREFIX });

    const imported = await phase(
      ONLY,
      'import',
      `CSV import through the API at ${SMALL} and ${LARGE}`,
      async () => ({
        small: await importThroughApi(api, dir, leadRows(SMALL, 10, 's'), 's'),
        large: await importThroughApi(api, dir, largeRows, 'l'),
      }),
    );
    let largeWs = imported?.large.ws;
    if (!largeWs && (ONLY.has('reads') || ONLY.has('load'))) {
      log(`no import phase: seeding the ${LARGE}-lead workspace for the reads`);
      largeWs = await seedLeads(api, storage, largeRows);
    }
    const reads = await phase(ONLY, 'reads', `list, point read and search at ${LARGE} leads`, () =>
      readsThroughApi(api, largeWs as string, queries),
    );
    const report = await phase(ONLY, 'reports', `reports and board over ${OPPORTUNITIES} opportunities`, () =>
      reports(api, storage),
    );
    const costs = await phase(
      ONLY,
      'costs',
      `storage calls per operation at ${SMALL} and ${LARGE} records`,
      () => storageCosts(cs, [SMALL, LARGE], log),
    );
    const loaded = await phase(ONLY, 'load', `autocannon, ${SECONDS} s each`, async () =>
      load(
        api,
        cs,
        { server: server.pid as number, azurite: azuritePidNow },
        largeWs as string,
        await firstPageIds(api, largeWs as string),
        queries,
      ),
    );
    await stopServices();

    const relay = await phase(ONLY, 'relay', 'scripts/bench-relay.ts', () => child('bench-relay.ts'));
    const tab = await phase(ONLY, 'tab', 'scripts/bench-tab.ts', () => child('bench-tab.ts'));

    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGb: round(totalmem() / 1e9, 1),
        node: process.version,
        storage: `embedded Azurite ${azuriteVersion()} (in memory), ${azurite.keyOrder ? 'with the key-order preload, as npm start runs it' : 'stock'}`,
      },
      sizes: {
        small: SMALL,
        large: LARGE,
        old: OLD_SIZES,
        opportunities: OPPORTUNITIES,
        loadSeconds: SECONDS,
      },
      phases: [...ONLY],
      phaseSeconds,
      phaseCpuSeconds,
      raw: raw ?? null,
      oldLayout: old ?? null,
      newLayout: {
        rowsPerLead: rowsPerLead(largeRows),
        imports: imported
          ? [imported.small, imported.large].map(({ leads, seconds, leadsPerSecond }) => ({
              leads,
              seconds,
              leadsPerSecond,
            }))
          : null,
        reads: reads ?? null,
        reports: report ?? null,
      },
      costs: costs ? { ...costs, pricePer10k: PRICE_PER_10K } : null,
      loadAverage: { ...loadAverage, end: loadavg().map((l) => round(l, 1)) },
      api: loaded?.api ?? null,
      memory: loaded?.memory ?? null,
      relay: relay ? { exitCode: relay.exitCode, output: relay.output.trim().split('\n') } : null,
      tab: tab ? (jsonIn(tab.output) ?? { exitCode: tab.exitCode }) : null,
      targets: [],
      minutes: round((Date.now() - started) / 60_000),
    };
    results.targets = targetsOf(results);
    const all = PHASES.every((p) => ONLY.has(p));
    const name = all ? 'results' : 'results-partial';
    const markdown = benchMarkdown(results);
    await mkdir(join(__dirname, '../bench'), { recursive: true });
    await writeFile(join(__dirname, `../bench/${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(join(__dirname, `../bench/${name}.md`), markdown);
    console.log(`\n${markdown}`);
    console.log(`${results.minutes} min; written to bench/${name}.json and bench/${name}.md`);
  } finally {
    await stopServices();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
