/**
 * `npm run bench`: every benchmark, each against its own embedded Azurite, sized to finish in a few
 * minutes on a 2-core machine. Each one compares our code with the raw SDK *in the same run*; read the
 * ratios, not the absolute figures (Azurite's cost per write grows with the partition, see
 * shared/src/storage/KEYS.md). Override the sizes with the variables each script documents.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const runs: { script: string; env: Record<string, string> }[] = [
  // Change-to-post latency of the outbox relay (p50/p95; fails at a p95 of 5 s or more).
  { script: 'bench-relay.ts', env: { BENCH_RELAY_CHANGES: process.env.BENCH_RELAY_CHANGES ?? '200' } },
  { script: 'bench-import.ts', env: { BENCH_IMPORT_ROWS: process.env.BENCH_IMPORT_ROWS ?? '2000' } },
  // Two sizes: entities read per index search stay flat while a scan grows with the partition.
  { script: 'bench-search.ts', env: { BENCH_LEADS: '2000', BENCH_COMMITS: '300', BENCH_RAW: '3000' } },
  {
    script: 'bench-search.ts',
    env: { BENCH_LEADS: process.env.BENCH_LEADS ?? '8000', BENCH_COMMITS: '300', BENCH_RAW: '3000' },
  },
];

let failed = false;
for (const run of runs) {
  const label = `${run.script} ${Object.entries(run.env)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`;
  console.log(`\n=== ${label}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, run.script)], {
    env: { ...process.env, ...run.env },
    stdio: ['ignore', 'inherit', 'ignore'],
  });
  if (result.status !== 0) {
    console.log(`${run.script} failed (exit ${result.status})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
