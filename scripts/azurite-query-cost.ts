/**
 * `npx tsx scripts/azurite-query-cost.ts [rows]`: what the embedded Azurite costs per query, stock
 * and with the key-order preload (`shared/src/storage/azurite-key-order.js`), through the raw SDK.
 * One partition of `rows` rows (default 20,000; not a multiple of 7,919) beside another of the same
 * size, written in 100-row transactions in scattered key order; per emulator:
 * reading the partition in 1,000-row pages, a 500-row RowKey range, first pages of 50, point reads.
 * Wall milliseconds and the table service's CPU milliseconds (from /proc).
 */
import { readFile } from 'node:fs/promises';
import { TableClient, odata, type TransactionAction } from '@azure/data-tables';
import { azuriteVersion, startAzurite } from '../shared/src/storage/azurite';
import { percentile, timed } from './bench-data';

const ROWS = Number(process.argv[2] ?? 20_000);
const rowKey = (i: number) => `k${String(i).padStart(6, '0')}`;

async function cpuMs(pid: number | undefined): Promise<number> {
  const stat = pid ? await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '') : '';
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function fill(client: TableClient, partitionKey: string) {
  for (let from = 0; from < ROWS; from += 100) {
    const actions: TransactionAction[] = [];
    for (let i = from; i < Math.min(ROWS, from + 100); i++) {
      // Keys in scattered order (7,919 is prime): rows do not arrive in key order in a real table.
      const key = rowKey((i * 7919) % ROWS);
      actions.push(['create', { partitionKey, rowKey: key, name: `row ${i}`, amount: i % 97 }]);
    }
    await client.submitTransaction(actions);
  }
}

async function measure(stock: boolean) {
  const azurite = await startAzurite({ stock });
  try {
    const client = TableClient.fromConnectionString(azurite.connectionString, 'cost', {
      allowInsecureConnection: true,
    });
    await client.createTable();
    await fill(client, 'other');
    await fill(client, 'big');
    const figures: Record<string, string> = {};
    const run = async (label: string, times: number, fn: (i: number) => Promise<unknown>) => {
      const cpuBefore = await cpuMs(azurite.tablePid);
      const samples: number[] = [];
      for (let i = 0; i < times; i++) samples.push(await timed(() => fn(i)));
      const cpu = ((await cpuMs(azurite.tablePid)) - cpuBefore) / times;
      figures[label] =
        `${percentile(samples, 50).toFixed(1)} ms p50, ${percentile(samples, 95).toFixed(1)} ms p95, ` +
        `${cpu.toFixed(1)} ms CPU`;
    };
    await run(`partition of ${ROWS} read in 1,000-row pages (whole read)`, 3, async () => {
      let rows = 0;
      const pages = client.listEntities({ queryOptions: { filter: odata`PartitionKey eq 'big'` } });
      for await (const page of pages.byPage({ maxPageSize: 1000 })) rows += page.length;
      if (rows !== ROWS) throw new Error(`read ${rows} rows, expected ${ROWS}`);
    });
    await run('500-row RowKey range', 20, async (i) => {
      const from = rowKey((i * 997) % (ROWS - 500));
      const to = rowKey(((i * 997) % (ROWS - 500)) + 500);
      const filter = odata`PartitionKey eq 'big' and RowKey ge ${from} and RowKey lt ${to}`;
      let rows = 0;
      for await (const page of client.listEntities({ queryOptions: { filter } }).byPage())
        rows += page.length;
      if (rows !== 500) throw new Error(`read ${rows} rows, expected 500`);
    });
    await run('first page of 50', 50, async () => {
      const pages = client.listEntities({ queryOptions: { filter: odata`PartitionKey eq 'big'` } });
      const first = await pages.byPage({ maxPageSize: 50 }).next();
      if (first.value?.length !== 50) throw new Error('short first page');
    });
    await run('point read', 300, (i) => client.getEntity('big', rowKey((i * 7919) % ROWS)));
    return figures;
  } finally {
    await azurite.stop();
  }
}

void (async () => {
  console.log(
    `Azurite ${azuriteVersion()}, Node ${process.version}, ${ROWS} rows in the partition read, ${ROWS} in another`,
  );
  for (const stock of [true, false]) {
    const figures = await measure(stock);
    console.log(stock ? 'stock' : 'key-order preload');
    for (const [label, value] of Object.entries(figures)) console.log(`  ${label}: ${value}`);
  }
})();
