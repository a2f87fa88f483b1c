/**
 * CSV lead import benchmark against an embedded, in-memory Azurite:
 *   npx tsx scripts/bench-import.ts   (BENCH_IMPORT_ROWS=100000, BENCH_IMPORT_CONCURRENCY=IMPORT_CONCURRENCY)
 * Writes a CSV of N leads with Dutch, Portuguese and Norwegian names and imports it with the real use
 * case (the server's CSV reader → importLeads → change sets of ≤ 100 table operations); runs the same
 * import over the in-memory repositories (our code alone); then writes plain entities with raw SDK
 * `submitTransaction` batches of 100 at the same parallelism: N of them (same count) and as many as
 * the import wrote table rows (a lead is its record row, one index row per search token and its email
 * row: about ten rows, all in the workspace's partition).
 *
 * Azurite is not Azure: its LokiJS store makes every write cost O(rows in the partition), and batch
 * upserts (how storage writes index rows) much more, so the import slows down super-linearly as the
 * partition fills: 1,000 leads take seconds, 2,000 about half a minute, 100,000 would take days.
 * Size runs with BENCH_IMPORT_ROWS; the figures are a floor, not a forecast for Azure.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient, type TransactionAction } from '@azure/data-tables';
import Papa from 'papaparse';
import {
  createWorkspace,
  IMPORT_CONCURRENCY,
  importLeads,
  insertCost,
  type AppDeps,
} from '../shared/src/application';
import type { Lead } from '../shared/src/lead/lead';
import { startAzurite } from '../shared/src/storage/azurite';
import { mapBounded } from '../shared/src/storage/bounded';
import { connectTableStorage } from '../shared/src/storage/connect';
import { createIdGenerator, systemClock } from '../shared/src/storage/ids';
import { createInMemoryStorage } from '../shared/src/testing/in-memory-storage';
import { csvRecords, inspectCsv } from '../tab/server/imports/csv-file';
import { COMPANY, FIRST, LAST, SUFFIX } from './bench-names';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
/** Change sets (and raw transactions) in flight. */
const CONCURRENCY = Number(process.env.BENCH_IMPORT_CONCURRENCY ?? IMPORT_CONCURRENCY);
const ACTOR = { tenantId: 'tenant-bench', userId: 'bench-user', name: 'Bench' };

const TITLE = [
  'Inkoper',
  'Diretor Comercial',
  'Daglig leder',
  'Eigenaar',
  'Gestor de Compras',
  'Innkjøpssjef',
];
const SOURCE = ['web', 'phone-inquiry', 'trade-show', 'event', 'customer-referral', ''];

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function leadRows(count: number): string[][] {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const [first, last, company] = [pick(FIRST), pick(LAST), `${pick(COMPANY)} ${pick(SUFFIX)}`];
    const ascii = (text: string) =>
      text
        .normalize('NFKD')
        .replace(/[^A-Za-z0-9]/g, '')
        .toLowerCase();
    const email = `${ascii(first)}.${ascii(last)}.${i}@${ascii(company.split(' ')[0] ?? '')}.example`;
    const phone = `+${pick(['31', '351', '47'])} ${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
    return [first, last, email, company, pick(TITLE), phone, pick(SOURCE), ''];
  });
}

const perSecond = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en')}/s`;

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const dir = await mkdtemp(join(tmpdir(), 'bench-import-'));
  try {
    const storage = connectTableStorage(
      { connectionString: azurite.connectionString },
      { tablePrefix: 'bench' },
    );
    await storage.ensureTables();
    const deps: AppDeps = { ...storage, clock: systemClock, ids: createIdGenerator() };
    const created = await createWorkspace(deps, ACTOR, { name: 'Bench' });
    if (!created.ok) throw new Error(created.error.code);
    const ws = created.value.record.id;

    const rows = leadRows(ROWS);
    const path = join(dir, 'leads.csv');
    const header = ['firstName', 'lastName', 'email', 'company', 'title', 'phone', 'source', 'campaign'];
    await writeFile(path, Papa.unparse([header, ...rows], { newline: '\r\n' }));
    console.log(
      `${ROWS.toLocaleString('en')} leads, CSV of ${(Buffer.byteLength(Papa.unparse(rows)) / 1e6).toFixed(1)} MB`,
    );

    // Our import, as the server runs it: inspect (encoding, delimiter, row count), then import.
    const t0 = performance.now();
    const csv = await inspectCsv(path);
    const t1 = performance.now();
    let operations = 0;
    const counting: AppDeps = {
      ...deps,
      records: Object.assign(Object.create(deps.records) as AppDeps['records'], {
        commit: (w: string, changes: Parameters<AppDeps['records']['commit']>[1]) => {
          for (const write of changes.writes)
            if (write.type === 'insert') operations += insertCost('lead', write.record as Lead);
          return deps.records.commit(w, changes);
        },
      }),
    };
    let lastReport = t1;
    const result = await importLeads(counting, { actor: ACTOR }, ws, csvRecords(path, csv), {
      concurrency: CONCURRENCY,
      onProgress: (tally) => {
        const now = performance.now();
        if (now - lastReport < 10_000) return;
        lastReport = now;
        console.log(
          `  … ${tally.processedRows.toLocaleString('en')} rows, ${perSecond(tally.processedRows, now - t1)}`,
        );
      },
    });
    const t2 = performance.now();
    if (!result.ok) throw new Error(result.error.code);
    const { created: leads, duplicateCount, errorCount } = result.value;
    const importMs = t2 - t0;
    if (result.value.errors.length > 0) console.log('first errors:', result.value.errors.slice(0, 3));
    console.log(
      `import:  ${leads.toLocaleString('en')} created (${duplicateCount} duplicates, ${errorCount} errors) in ` +
        `${(importMs / 1000).toFixed(1)} s (inspect ${((t1 - t0) / 1000).toFixed(1)} s) → ${perSecond(leads, importMs)} leads, ` +
        `${perSecond(operations, importMs)} table rows (${(operations / leads).toFixed(1)} rows per lead)`,
    );

    // Our code alone (CSV reader, rules, packing) over the in-memory repositories: the ceiling storage leaves.
    const memory = createInMemoryStorage();
    const memoryDeps: AppDeps = { ...memory, clock: systemClock, ids: createIdGenerator() };
    const memoryWs = await createWorkspace(memoryDeps, ACTOR, { name: 'Bench' });
    if (!memoryWs.ok) throw new Error(memoryWs.error.code);
    const t4 = performance.now();
    const inMemory = await importLeads(
      memoryDeps,
      { actor: ACTOR },
      memoryWs.value.record.id,
      csvRecords(path, csv),
    );
    const memoryMs = performance.now() - t4;
    if (!inMemory.ok) throw new Error(inMemory.error.code);
    console.log(`our code alone (in-memory storage): ${perSecond(inMemory.value.created, memoryMs)} leads`);

    // Raw SDK: 100 plain entities per transaction, as many in flight: first the same count as leads,
    // then the same count as the table rows the import wrote (a like-for-like partition size).
    const rawRate = async (table: string, count: number): Promise<number> => {
      const raw = TableClient.fromConnectionString(azurite.connectionString, table, {
        allowInsecureConnection: true,
      });
      await raw.createTable();
      const batches: TransactionAction[][] = [];
      for (let i = 0; i < count; i += 100) {
        batches.push(
          Array.from({ length: Math.min(100, count - i) }, (_, j): TransactionAction => {
            const [firstName, lastName, email, company, title, phone, source] =
              rows[(i + j) % rows.length] ?? [];
            const entity = { firstName, lastName, email, company, title, phone, source };
            return ['create', { partitionKey: 'raw', rowKey: String(i + j).padStart(9, '0'), ...entity }];
          }),
        );
      }
      const start = performance.now();
      await mapBounded(batches, CONCURRENCY, (batch) => raw.submitTransaction(batch));
      const ms = performance.now() - start;
      console.log(
        `raw SDK: ${count.toLocaleString('en')} entities in ${(ms / 1000).toFixed(1)} s → ${perSecond(count, ms)}`,
      );
      return (count / ms) * 1000;
    };
    const sameCount = await rawRate('benchrawcount', ROWS);
    const sameRows = await rawRate('benchrawrows', operations);
    const leadRate = (leads / importMs) * 1000;
    const rowRate = (operations / importMs) * 1000;
    console.log(
      `ratio:   import leads/s ÷ raw entities/s (same count) = ${(leadRate / sameCount).toFixed(3)}`,
    );
    console.log(
      `         import table rows/s ÷ raw entities/s (same rows) = ${(rowRate / sameRows).toFixed(3)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
