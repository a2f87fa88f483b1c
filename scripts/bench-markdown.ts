/**
 * bench/README.md's tables from a benchmark run's results, so the figures there are the
 * run's own: `npm run bench` writes bench/results.md; `npx tsx scripts/bench-markdown.ts
 * [bench/results.json]` prints them again from a results file.
 */
import { readFileSync } from 'node:fs';
import type { CostResults } from './bench-costs';

type P = { p50: number; p95: number };
type Load = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  cpuMsPerRequest?: { tabServer: number; azurite: number };
};

export type BenchResults = {
  date: string;
  machine: { cpus: number; cpu?: string; memoryGb: number; node: string; storage: string };
  sizes: { small: number; large: number; old: number[]; opportunities: number; loadSeconds: number };
  phases: string[];
  phaseSeconds: Record<string, number | undefined>;
  /** CPU seconds per phase of the storage emulator, the tab server and the bench process. */
  phaseCpuSeconds?: Record<string, { azurite: number; tabServer: number; bench: number } | undefined>;
  raw: { rowsPerSecond: number; pointReadsPerSecond: number } | null;
  oldLayout: {
    imports: { leads: number; leadsPerSecond: number; rowsPerLead: number }[];
    overallLeadsPerSecond: number;
    pointRead: P;
    list: P;
    search: Record<string, P>;
    searchAll: P;
    leads: number;
  } | null;
  newLayout: {
    rowsPerLead: { oldWorkspacePartition: number; newWorkspacePartition: number; newSearchIndex: number };
    imports: { leads: number; seconds: number; leadsPerSecond: number }[] | null;
    reads: {
      pointRead: P;
      firstPage: P;
      byStatus: P;
      bySource: P;
      search: Record<string, P & { hits: number }>;
      searchAll: P;
    } | null;
    reports: { opportunities: number; byName: Record<string, P>; boardOpen: P; boardMore: P | null } | null;
  };
  /** Storage calls per API operation at two sizes (scripts/bench-costs.ts), with the price used. */
  costs?: (CostResults & { pricePer10k: number }) | null;
  /** The machine's load average (1, 5, 15 min) when the run started and ended. */
  loadAverage?: { start: number[]; end: number[] };
  api: { mixedReads: Load; writes: Load; azuritePointReadsPerSecond: number } | null;
  memory: { peakRssMb: number } | null;
  relay: { exitCode: number | null; output: string[] } | null;
  tab: unknown;
  targets: { target: string; value: number | string; met: boolean }[];
  minutes: number;
};

const n = (value: number | undefined) => (value === undefined ? '–' : value.toLocaleString('en-US'));
const pair = (a: P | undefined, b: P | undefined, key: keyof P) => `${n(a?.[key])} / ${n(b?.[key])}`;

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(3, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

/**
 * Per operation: calls / billed transactions / entities read at each size, the ratio of entities
 * read between the sizes, and what a million such operations cost on Azure at the large size.
 */
export function costsTable(costs: CostResults & { pricePer10k: number }): string {
  const [small, large] = costs.sizes.map(String) as [string, string];
  const cell = (c: CostResults['operations'][keyof CostResults['operations']][string] | undefined) =>
    c ? `${n(c.calls)} / ${n(c.transactions)} / ${n(c.entitiesRead)}` : '–';
  const rows = Object.entries(costs.operations).map(([op, bySize]) => {
    const a = bySize[small];
    const b = bySize[large];
    const ratio = a && b ? (b.entitiesRead / Math.max(1, a.entitiesRead)).toFixed(2) : '–';
    const dollars = b ? `$${((b.transactions * 1e6 * costs.pricePer10k) / 1e4).toFixed(2)}` : '–';
    const hits = op === 'search' ? costs.searchHits[large] : undefined;
    return [hits === undefined ? op : `${op} (${hits} hits)`, cell(a), cell(b), ratio, dollars];
  });
  const counts = 'calls / transactions / entities read';
  return table(
    [
      'storage per operation',
      `${n(Number(small))} records: ${counts}`,
      `${n(Number(large))} records: ${counts}`,
      'read ratio',
      `$ per million at ${n(Number(large))}`,
    ],
    rows,
  );
}

export function benchMarkdown(r: BenchResults): string {
  const out: string[] = [];
  const { small, large, old, opportunities } = r.sizes;
  const phases = r.phases.map((p) => `${p} ${r.phaseSeconds[p] ?? '–'} s`).join(', ');
  out.push(
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC: ${r.minutes} min (${phases}); ` +
      `${r.machine.cpus} × ${r.machine.cpu ?? 'CPU'}, ${r.machine.memoryGb} GB, Node ${r.machine.node.slice(1)}, ` +
      `${r.machine.storage}.`,
  );
  if (r.loadAverage)
    out.push(
      '',
      `Load average (1, 5, 15 min) at the start: ${r.loadAverage.start.join(', ')}; at the end: ${r.loadAverage.end.join(', ')}.`,
    );
  const cpu = Object.entries(r.phaseCpuSeconds ?? {}).map(
    ([p, c]) => `${p} ${n(c?.azurite)} / ${n(c?.tabServer)} / ${n(c?.bench)}`,
  );
  if (cpu.length) out.push('', `CPU seconds per phase (Azurite / tab server / bench): ${cpu.join(', ')}.`);
  const oldAt = (size: number) => r.oldLayout?.imports.find((i) => i.leads === size)?.leadsPerSecond;
  const [newSmall, newLarge] = r.newLayout.imports ?? [];
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(1)}×` : '';
  const oldMax = Math.max(...old);
  const oldLast = r.oldLayout?.imports.at(-2)?.leads ?? 0;
  const rows = r.newLayout.rowsPerLead;
  out.push(
    '',
    table(
      ['measure', 'first layout (raw SDK rows)', 'new layout (through the API)', 'new/old'],
      [
        [
          `import, leads/s at ${n(small)}`,
          n(oldAt(small)),
          n(newSmall?.leadsPerSecond),
          ratio(newSmall?.leadsPerSecond, oldAt(small)),
        ],
        [
          `import, leads/s: old ${n(oldLast)}→${n(oldMax)} stretch, new ${n(large)} (whole import)`,
          n(oldAt(oldMax)),
          n(newLarge?.leadsPerSecond),
          ratio(newLarge?.leadsPerSecond, oldAt(oldMax)),
        ],
        [
          'rows per lead in the workspace partition',
          rows.oldWorkspacePartition,
          `${rows.newWorkspacePartition} (+ ${rows.newSearchIndex} in the search table)`,
          '',
        ],
        [
          `record point read p50 / p95 ms (old at ${n(oldMax)}, new at ${n(large)} leads)`,
          `${n(r.oldLayout?.pointRead.p50)} / ${n(r.oldLayout?.pointRead.p95)}`,
          `${n(r.newLayout.reads?.pointRead.p50)} / ${n(r.newLayout.reads?.pointRead.p95)}`,
          '',
        ],
        [
          'first page p50 / p95 ms',
          `${n(r.oldLayout?.list.p50)} / ${n(r.oldLayout?.list.p95)}`,
          `${n(r.newLayout.reads?.firstPage.p50)} / ${n(r.newLayout.reads?.firstPage.p95)}`,
          '',
        ],
        [
          'search p50 / p95 ms (all queries)',
          `${n(r.oldLayout?.searchAll.p50)} / ${n(r.oldLayout?.searchAll.p95)}`,
          `${n(r.newLayout.reads?.searchAll.p50)} / ${n(r.newLayout.reads?.searchAll.p95)}`,
          '',
        ],
      ],
    ),
  );
  const reads = r.newLayout.reads;
  const rep = r.newLayout.reports;
  const readRows: (string | number)[][] = [];
  if (reads) {
    readRows.push(
      ['record point read', n(reads.pointRead.p50), n(reads.pointRead.p95)],
      ['list, first page', n(reads.firstPage.p50), n(reads.firstPage.p95)],
      [
        'list, status / source filter',
        pair(reads.byStatus, reads.bySource, 'p50'),
        pair(reads.byStatus, reads.bySource, 'p95'),
      ],
      ...Object.entries(reads.search).map(([name, s]) => [
        `search, ${name} (${s.hits} hits)`,
        n(s.p50),
        n(s.p95),
      ]),
    );
  }
  if (rep) {
    for (const [name, p] of Object.entries(rep.byName))
      readRows.push([`report ${name}, ${n(opportunities)} deals`, n(p.p50), n(p.p95)]);
    readRows.push([
      `board, first load, ${n(opportunities)} deals`,
      n(rep.boardOpen.p50),
      n(rep.boardOpen.p95),
    ]);
    if (rep.boardMore)
      readRows.push(["board, a column's next 20", n(rep.boardMore.p50), n(rep.boardMore.p95)]);
  }
  if (readRows.length) {
    out.push('', table([`new layout at ${n(large)} leads, through the API`, 'p50 ms', 'p95 ms'], readRows));
  }
  if (r.costs)
    out.push(
      '',
      `Storage per API operation, counted at the SDK (\`scripts/bench-storage-calls.ts\`), warm, in workspaces of ` +
        `${r.costs.sizes.map((s) => n(s)).join(' and ')} leads and as many deals; transactions count each ` +
        `operation of a batch; dollars at $${r.costs.pricePer10k} per 10,000 transactions (\`BENCH_PRICE_PER_10K\`).`,
      '',
      costsTable(r.costs),
    );
  if (r.api) {
    const cpu = (l: Load) =>
      l.cpuMsPerRequest ? `${n(l.cpuMsPerRequest.tabServer)} / ${n(l.cpuMsPerRequest.azurite)}` : '';
    const row = (name: string, l: Load) => [
      name,
      n(l.requestsPerSecond),
      `${n(l.p50)} / ${n(l.p99)}`,
      n(l.errors + l.non2xx),
      cpu(l),
    ];
    out.push(
      '',
      table(
        [
          `load (autocannon, 10 connections, ${r.sizes.loadSeconds} s)`,
          'req/s',
          'p50 / p99 ms',
          'errors',
          'CPU ms per request: tab server / Azurite',
        ],
        [
          row('mixed reads (list, filtered list, search, point reads)', r.api.mixedReads),
          row('writes (lead create)', r.api.writes),
          [
            `Azurite's own point reads in the same partition (10 in flight)`,
            n(r.api.azuritePointReadsPerSecond),
            '',
            '',
            '',
          ],
          ['tab server peak RSS', `${n(r.memory?.peakRssMb)} MB`, '', '', ''],
        ],
      ),
    );
  }
  if (r.targets.length) {
    const raw = r.raw
      ? ` (raw: ${n(r.raw.rowsPerSecond)} rows/s, ${n(r.raw.pointReadsPerSecond)} point reads/s)`
      : '';
    out.push(
      '',
      table(
        ['target (issue 19)', 'this run', 'met'],
        r.targets.map((t) => [
          t.target,
          `${typeof t.value === 'number' ? n(t.value) : t.value}${t.target.includes('raw') ? raw : ''}`,
          t.met ? 'yes' : 'no',
        ]),
      ),
    );
  }
  if (r.relay) {
    const failed =
      r.relay.exitCode === 0 ? '' : ` (exit code ${r.relay.exitCode}: a miss or a failure, see the log)`;
    out.push('', `Relay${failed}:`, '', '```', ...r.relay.output.filter((l) => !l.startsWith('{')), '```');
  }
  if (r.tab) {
    const tab = r.tab as Record<string, unknown>;
    out.push(
      '',
      'timeToUsableMs' in tab
        ? `Tab first screen: \`${JSON.stringify(tab)}\``
        : `Tab first screen: scripts/bench-tab.ts failed (exit code ${String(tab.exitCode)}; see the log).`,
    );
  }
  return `${out.join('\n')}\n`;
}

if (require.main === module) {
  const file = process.argv[2] ?? 'bench/results.json';
  process.stdout.write(benchMarkdown(JSON.parse(readFileSync(file, 'utf8')) as BenchResults));
}
