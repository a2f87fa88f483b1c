/**
 * `npm run bench` (≈ 10 min on 2 cores) and `npm run bench:100k` (the large sizes at 100,000).
 *
 * One run, one stock embedded Azurite (in memory), the real tab server as a child process:
 *  1. raw SDK baseline: single rows in 100-row transactions, the limit the storage allows here;
 *  2. the first layout (all index rows in the workspace partition), written with raw SDK rows of its
 *     shape at BENCH_OLD sizes, then its reads;
 *  3. CSV import through the API (POST .../leads/import, the background job) at BENCH_SMALL and
 *     BENCH_LARGE leads, each into a fresh workspace;
 *  4. list, filtered list, point read and search p50/p95 through the API at BENCH_LARGE leads;
 *  5. reports over BENCH_OPPORTUNITIES opportunities;
 *  6. autocannon: mixed reads, then writes; the server's peak memory (VmHWM).
 * Prints a table and writes bench/results.json. Absolute figures depend on the machine and on what
 * else runs on it: read the ratios, which come from one run.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { TableClient, type TransactionAction } from '@azure/data-tables';
import Papa from 'papaparse';
import type { Lead } from '../shared/src/lead/lead';
import type { Opportunity } from '../shared/src/opportunity/opportunity';
import { connectTableStorage } from '../shared/src/storage/connect';
import { freePort, startAzurite } from '../shared/src/storage/azurite';
import { mapBounded } from '../shared/src/storage/bounded';
import { createIdGenerator } from '../shared/src/storage/ids';
import { CSV_HEADER, leadRows, opportunities, percentile, timed } from './bench-data';
import { firstPage, oldSearch, writeOldLayout } from './bench-old-layout';
import { waitForHealth } from './jest/process-under-test';

const BIG = process.argv.includes('--100k');
const env = process.env;
const SMALL = Number(env.BENCH_SMALL ?? 2_000);
const LARGE = Number(env.BENCH_LARGE ?? (BIG ? 100_000 : 20_000));
const OLD_SIZES = (env.BENCH_OLD ?? '2000,5000').split(',').map(Number);
const OPPORTUNITIES = Number(env.BENCH_OPPORTUNITIES ?? (BIG ? 100_000 : 20_000));
const RAW_ROWS = Number(env.BENCH_RAW ?? 20_000);
const SECONDS = Number(env.BENCH_SECONDS ?? 15);
const SAMPLES = Number(env.BENCH_SAMPLES ?? 30);
const LIMIT = 50;
const PREFIX = 'bench';
const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
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

/** Raw single rows, 100 per transaction, into a fresh partition; the best of 2 and 8 in flight. */
async function rawBaseline(
  connectionString: string,
): Promise<{ rowsPerSecond: number } & Record<string, number>> {
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
    const ms = await timed(() => mapBounded(batches, inFlight, (batch) => table.submitTransaction(batch)));
    result[`rowsPerSecond${inFlight}InFlight`] = round(rate(RAW_ROWS, ms), 0);
  }
  const rowsPerSecond = Math.max(...Object.values(result));
  // The ceiling for API reads: Azurite's own point reads, 10 in flight (as the load test's connections).
  const table = TableClient.fromConnectionString(connectionString, 'raw8', { allowInsecureConnection: true });
  let reads = 0;
  const until = performance.now() + 5_000;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (performance.now() < until) {
        await table.getEntity('raw', String(reads++ % RAW_ROWS).padStart(9, '0'));
      }
    }),
  );
  return { ...result, rowsPerSecond, pointReadsPerSecond: round(reads / 5, 0) };
}

function csvLeads(rows: string[][], ws: string): Lead[] {
  const ids = createIdGenerator();
  return rows.map(([firstName, lastName, email, company, title, phone, source]) => {
    const at = '2026-11-22T10:00:00.000Z';
    return {
      id: ids.newId(),
      workspaceId: ws,
      status: 'open-not-contacted',
      firstName,
      lastName,
      email,
      company,
      title,
      phone,
      source: source || 'other',
      ownerId: 'bench-user',
      qualification: { budget: false, authority: false, need: false, timeline: false },
      createdAt: at,
      createdBy: 'bench-user',
      updatedAt: at,
      updatedBy: 'bench-user',
    } as Lead;
  });
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
    const ms = await timed(async () => (written += await writeOldLayout(table, ws, leads.slice(done, size))));
    totalMs += ms;
    imports.push({
      leads: size,
      leadsPerSecond: round(rate(size - done, ms), 0),
      rowsPerLead: round(written / size, 1),
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

async function importThroughApi(api: Api, dir: string, size: number, seed: number, tag: string) {
  const ws = await createWorkspace(api, `Import ${size}`);
  const rows = leadRows(size, seed, tag);
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
    status?: string;
    created: number;
    processedRows?: number;
  };
  let lastLog = start;
  while (response.status === 202 && job.status !== 'completed') {
    if (job.status === 'failed') throw new Error(`import failed: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 250));
    job = (await (
      await call(api, 'GET', `/workspaces/${ws}/imports/${String(job.id)}`)
    ).json()) as typeof job;
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      log(`  … ${job.processedRows ?? 0} rows`);
    }
  }
  const ms = performance.now() - start;
  if (job.created !== size) throw new Error(`imported ${job.created} of ${size}`);
  return { ws, rows, leads: size, seconds: round(ms / 1000), leadsPerSecond: round(rate(size, ms), 0) };
}

async function readsThroughApi(api: Api, ws: string, queries: Record<string, string>) {
  const base = `/workspaces/${ws}/leads`;
  const page = (await (await call(api, 'GET', `${base}?limit=${LIMIT}`)).json()) as {
    items: { id: string }[];
  };
  const ids = page.items.map((l) => l.id);
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
  return { ...result, ids };
}

async function reports(api: Api, connectionString: string) {
  const ws = await createWorkspace(api, 'Reports');
  const storage = connectTableStorage({ connectionString }, { tablePrefix: PREFIX });
  const ids = createIdGenerator();
  const opps = opportunities(OPPORTUNITIES, ws, () => ids.newId());
  log(`reports: seeding ${OPPORTUNITIES} opportunities`);
  const sets: Opportunity[][] = [];
  for (let i = 0; i < opps.length; i += 90) sets.push(opps.slice(i, i + 90));
  await mapBounded(sets, 2, async (set) => {
    const result = await storage.records.commit(ws, {
      writes: set.map((record) => ({ type: 'insert' as const, kind: 'opportunity' as const, record })),
      events: [],
    });
    if (!result.ok) throw new Error(result.error.message);
  });
  const report = async (name: string) =>
    stats(
      await sample(Math.ceil(SAMPLES / 3), () =>
        call(api, 'GET', `/workspaces/${ws}/reports/${name}`).then((r) => r.arrayBuffer()),
      ),
    );
  return {
    opportunities: OPPORTUNITIES,
    pipeline: await report('pipeline'),
    forecast: await report('forecast'),
  };
}

async function load(api: Api, name: string, requests: autocannon.Request[]) {
  log(`autocannon: ${name}, ${SECONDS} s`);
  const result = await autocannon({
    url: api.url,
    connections: 10,
    duration: SECONDS,
    headers: api.headers,
    // A request's path replaces the URL's path.
    requests: requests.map((r) => ({ ...r, path: `/api/v1${r.path ?? ''}` })),
  });
  return {
    requestsPerSecond: round(result.requests.average, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

const memoryOf = async (pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
};

async function main(): Promise<void> {
  const started = Date.now();
  const azurite = await startAzurite();
  const dir = await mkdtemp(join(tmpdir(), 'bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../tab/server/index.ts')], {
    env: {
      PATH: env.PATH,
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: PREFIX,
      TAB_PORT: String(port),
      AUTH_MODE: 'dev',
      RATE_LIMIT_PER_MINUTE: '1000000',
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    log('raw SDK baseline');
    const raw = await rawBaseline(azurite.connectionString);
    const queries = searchQueries(leadRows(LARGE, 11, 'l'));
    const old = await oldLayout(azurite.connectionString, queries);

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

    const small = await importThroughApi(api, dir, SMALL, 10, 's');
    const large = await importThroughApi(api, dir, LARGE, 11, 'l');
    log('reads through the API');
    const reads = await readsThroughApi(api, large.ws, queries);
    const report = await reports(api, azurite.connectionString);

    let peakRss = 0;
    const sampler = setInterval(() => {
      void memoryOf(server.pid as number, 'VmRSS').then((mb) => (peakRss = Math.max(peakRss, mb)));
    }, 250);
    const base = `/workspaces/${large.ws}/leads`;
    const id = (i: number) => reads.ids[i % reads.ids.length] as string;
    const mixed = await load(api, 'mixed reads', [
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
    const writes = await load(api, 'writes (lead create)', [
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
    const memory = { peakRssMb: round(Math.max(peakRss, await memoryOf(server.pid as number, 'VmHWM')), 0) };

    const importRatio = large.leadsPerSecond / small.leadsPerSecond;
    const rawRatio = large.leadsPerSecond / raw.rowsPerSecond;
    const oldAt = (size: number) => old.imports.find((i) => i.leads === size)?.leadsPerSecond ?? NaN;
    const targets = [
      {
        target: `import rate at ${LARGE} ≥ 0.7 × rate at ${SMALL}`,
        value: round(importRatio, 2),
        met: importRatio >= 0.7,
      },
      { target: 'import leads/s ≥ 0.04 × raw rows/s', value: round(rawRatio, 3), met: rawRatio >= 0.04 },
      { target: 'first page p95 < 100 ms', value: reads.firstPage.p95, met: reads.firstPage.p95 < 100 },
      {
        target: 'filtered list p95 < 100 ms',
        value: Math.max(reads.byStatus.p95, reads.bySource.p95),
        met: Math.max(reads.byStatus.p95, reads.bySource.p95) < 100,
      },
      { target: 'search p95 < 150 ms', value: reads.searchAll.p95, met: reads.searchAll.p95 < 150 },
      {
        target: 'reports p95 < 500 ms',
        value: Math.max(report.pipeline?.p95 ?? NaN, report.forecast?.p95 ?? NaN),
        met: Math.max(report.pipeline?.p95 ?? NaN, report.forecast?.p95 ?? NaN) < 500,
      },
      {
        target: '≥ 1,000 mixed reads/s, p99 < 100 ms, no errors',
        value: `${mixed.requestsPerSecond}/s, p99 ${mixed.p99} ms, ${mixed.errors + mixed.non2xx} errors`,
        met: mixed.requestsPerSecond >= 1000 && mixed.p99 < 100 && mixed.errors + mixed.non2xx === 0,
      },
    ];
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGb: round(totalmem() / 1e9, 1),
        node: process.version,
        storage: 'embedded Azurite 3.35 (in memory), stock',
      },
      sizes: {
        small: SMALL,
        large: LARGE,
        old: OLD_SIZES,
        opportunities: OPPORTUNITIES,
        loadSeconds: SECONDS,
      },
      raw,
      oldLayout: old,
      newLayout: {
        imports: [
          { leads: SMALL, seconds: small.seconds, leadsPerSecond: small.leadsPerSecond },
          { leads: LARGE, seconds: large.seconds, leadsPerSecond: large.leadsPerSecond },
        ],
        reads: { ...reads, ids: undefined },
        reports: report,
      },
      api: { mixedReads: mixed, writes },
      memory,
      targets,
      minutes: round((Date.now() - started) / 60_000),
    };
    await mkdir(join(__dirname, '../bench'), { recursive: true });
    await writeFile(join(__dirname, '../bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

    const line = (cells: (string | number)[]) => console.log(`| ${cells.join(' | ')} |`);
    console.log(
      `\nMachine: ${results.machine.cpus} × ${results.machine.cpu}, Node ${process.version}, ${results.machine.storage}\n`,
    );
    line(['measure', 'first layout (raw SDK rows)', 'new layout (through the API)', 'ratio new/old']);
    line(['---', '---', '---', '---']);
    line([
      `import, leads/s at ${SMALL}`,
      oldAt(SMALL),
      small.leadsPerSecond,
      round(small.leadsPerSecond / oldAt(SMALL), 1),
    ]);
    const oldMax = Math.max(...OLD_SIZES);
    line([
      `import, leads/s: old at ${oldMax} (last stretch), new at ${LARGE}`,
      oldAt(oldMax),
      large.leadsPerSecond,
      round(large.leadsPerSecond / oldAt(oldMax), 1),
    ]);
    line([
      `record point read p50/p95 ms (old at ${oldMax}, new at ${LARGE})`,
      `${old.pointRead.p50} / ${old.pointRead.p95}`,
      `${reads.pointRead.p50} / ${reads.pointRead.p95}`,
      '',
    ]);
    line([
      `first page p50/p95 ms`,
      `${old.list.p50} / ${old.list.p95}`,
      `${reads.firstPage.p50} / ${reads.firstPage.p95}`,
      '',
    ]);
    line([
      `search p50/p95 ms (all queries)`,
      `${old.searchAll.p50} / ${old.searchAll.p95}`,
      `${reads.searchAll.p50} / ${reads.searchAll.p95}`,
      '',
    ]);
    console.log('');
    line(['new layout, through the API', 'p50 ms', 'p95 ms', 'note']);
    line(['---', '---', '---', '---']);
    line([`list, first page (${LARGE} leads)`, reads.firstPage.p50, reads.firstPage.p95, '']);
    line(['list, status filter', reads.byStatus.p50, reads.byStatus.p95, '']);
    line(['list, source filter', reads.bySource.p50, reads.bySource.p95, '']);
    for (const [name, s] of Object.entries(reads.search)) {
      line([`search: ${name}`, s.p50, s.p95, `"${queries[name] ?? ''}", ${s.hits} hits`]);
    }
    line([
      `report: pipeline (${OPPORTUNITIES} opportunities)`,
      report.pipeline?.p50 ?? '',
      report.pipeline?.p95 ?? '',
      '',
    ]);
    line([`report: forecast`, report.forecast?.p50 ?? '', report.forecast?.p95 ?? '', '']);
    console.log('');
    line(['load (autocannon, 10 connections)', 'req/s', 'p50 / p99 ms', 'errors']);
    line(['---', '---', '---', '---']);
    line([
      'mixed reads',
      mixed.requestsPerSecond,
      `${mixed.p50} / ${mixed.p99}`,
      mixed.errors + mixed.non2xx,
    ]);
    line([
      'writes (lead create)',
      writes.requestsPerSecond,
      `${writes.p50} / ${writes.p99}`,
      writes.errors + writes.non2xx,
    ]);
    line(['tab server peak RSS', `${memory.peakRssMb} MB`, '', '']);
    console.log(
      `\nraw SDK: ${raw.rowsPerSecond} rows/s; import at ${LARGE}: ${large.leadsPerSecond} leads/s`,
    );
    console.log('');
    line(['target', 'value', 'met']);
    line(['---', '---', '---']);
    for (const t of targets) line([t.target, t.value, t.met ? 'yes' : 'NO']);
    console.log(`\n${results.minutes} min; written to bench/results.json`);
  } finally {
    server.kill('SIGTERM');
    await exited;
    await azurite.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
