/**
 * `npm run bench:import-memory`: a 100,000-row lead CSV imported through the API (the background
 * job) on the embedded Azurite, the tab server's memory read as the rows go in: its heap right after a
 * forced full GC (through the inspector, scripts/resilience/inspector.ts) and its RSS, at 10 %, 50 %
 * and 100 % of the rows. Memory must stay flat: the heap after GC at the end may exceed the one at
 * 10 % by at most IMPORT_MEMORY_MAX_HEAP_GROWTH_MB (default 32), the RSS by
 * IMPORT_MEMORY_MAX_RSS_GROWTH_MB (default 128); otherwise it exits 1. IMPORT_MEMORY_ROWS sets the
 * size (default 100000). Prints one JSON object, then the verdict line. Also `BENCH_ONLY=importMemory`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import {
  isImportJobCompleted,
  isImportJobFailed,
  type ImportJobStatus,
} from '../shared/src/imports/import-job';
import { freePort, startAzurite } from '../shared/src/storage/azurite';
import { CSV_HEADER, leadRows } from './bench-data';
import { log } from './bench-phases';
import { waitForHealth } from './jest/process-under-test';
import { connectInspector } from './resilience/inspector';

const env = process.env;
const ROWS = Number(env.IMPORT_MEMORY_ROWS ?? 100_000);
const MAX_HEAP_GROWTH_MB = Number(env.IMPORT_MEMORY_MAX_HEAP_GROWTH_MB ?? 32);
const MAX_RSS_GROWTH_MB = Number(env.IMPORT_MEMORY_MAX_RSS_GROWTH_MB ?? 128);
const MB = 1024 * 1024;
const round = (n: number) => Math.round(n * 10) / 10;

const statusOf = async (pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
};

type Sample = { rows: number; heapAfterGcMb: number; rssMb: number };

async function main(): Promise<number> {
  const azurite = await startAzurite();
  const dir = await mkdtemp(join(tmpdir(), 'bench-import-memory-'));
  const port = await freePort();
  const inspectorPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../tab/server/index.ts')], {
    env: {
      PATH: env.PATH,
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: 'mem',
      TAB_PORT: String(port),
      AUTH_MODE: 'dev',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const pid = server.pid as number;
  try {
    await waitForHealth(url, exited);
    const inspector = await connectInspector(inspectorPort);
    const issued = await fetch(`${url}/api/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId: '00000000-0000-0000-0000-00000000b002', userId: 'mem', name: 'Mem' }),
    });
    const auth = { Authorization: `Bearer ${((await issued.json()) as { token: string }).token}` };
    const created = await fetch(`${url}/api/v1/workspaces`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Import memory' }),
    });
    const ws = ((await created.json()) as { id: string }).id;
    const csv = Papa.unparse([CSV_HEADER, ...leadRows(ROWS, 31, 'm')], { newline: '\r\n' });
    const sample = async (rows: number): Promise<Sample> => ({
      rows,
      heapAfterGcMb: round((await inspector.heapAfterGc()) / MB),
      rssMb: round((await statusOf(pid, 'VmRSS')) / MB),
    });
    const before = await sample(0);
    const start = performance.now();
    const response = await fetch(`${url}/api/v1/workspaces/${ws}/leads/import`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/csv' },
      body: csv,
    });
    let job = (await response.json()) as {
      id: string;
      status: ImportJobStatus;
      processedRows: number;
      created: number;
      errors: number;
    };
    if (response.status !== 202) throw new Error(`the import answered ${response.status}`);
    const marks = [0.1, 0.5].map((f) => Math.round(ROWS * f));
    const samples: Sample[] = [];
    while (!isImportJobCompleted(job)) {
      if (isImportJobFailed(job)) throw new Error(`import failed: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      // A poll that gets no answer is given up and asked again (a 100k run polls for an hour).
      const polled = await fetch(`${url}/api/v1/workspaces/${ws}/imports/${job.id}`, {
        headers: auth,
        signal: AbortSignal.timeout(30_000),
      }).catch((error: unknown) => (log(`job poll: ${String(error)}`), undefined));
      if (!polled?.ok) continue;
      job = (await polled.json()) as typeof job;
      while (marks.length > 0 && job.processedRows >= (marks[0] as number)) {
        marks.shift();
        samples.push(await sample(job.processedRows));
        log(`import memory: ${JSON.stringify(samples.at(-1))}`);
      }
    }
    const seconds = (performance.now() - start) / 1000;
    samples.push(await sample(job.processedRows));
    inspector.close();
    const first = samples[0] as Sample;
    const last = samples.at(-1) as Sample;
    const heapGrowthMb = round(last.heapAfterGcMb - first.heapAfterGcMb);
    const rssGrowthMb = round(last.rssMb - first.rssMb);
    const flat = heapGrowthMb <= MAX_HEAP_GROWTH_MB && rssGrowthMb <= MAX_RSS_GROWTH_MB;
    const result = {
      rows: ROWS,
      created: job.created,
      errors: job.errors,
      seconds: round(seconds),
      leadsPerSecond: Math.round(job.created / seconds),
      before,
      samples,
      peakRssMb: round((await statusOf(pid, 'VmHWM')) / MB),
      heapGrowthMb,
      rssGrowthMb,
      limits: { maxHeapGrowthMb: MAX_HEAP_GROWTH_MB, maxRssGrowthMb: MAX_RSS_GROWTH_MB },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    const complete = job.created === ROWS && job.errors === 0;
    process.stdout.write(
      `${flat && complete ? 'PASS' : 'FAIL'}: ${job.created} of ${ROWS} imported; heap after GC ${first.heapAfterGcMb} → ${last.heapAfterGcMb} MB (+${heapGrowthMb}, at most ${MAX_HEAP_GROWTH_MB}), RSS ${first.rssMb} → ${last.rssMb} MB (+${rssGrowthMb}, at most ${MAX_RSS_GROWTH_MB})\n`,
    );
    return flat && complete ? 0 : 1;
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
    await azurite.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
