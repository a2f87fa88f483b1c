/**
 * CSV lead import benchmark against an embedded, in-memory Azurite:
 *   npx tsx scripts/bench-import.ts          (BENCH_IMPORT_ROWS=100000 by default)
 * Writes a CSV of N leads with Dutch, Portuguese and Norwegian names, imports it with the real use
 * case (the server's CSV reader → importLeads → change sets of ≤ 100 table operations, a few in
 * flight), then writes N plain entities with raw SDK `submitTransaction` batches of 100 at the same
 * parallelism, and prints both rates. A lead costs more than one table row (its record, one index
 * row per search token, its email row), so rows/s is printed for both as well.
 *
 * Azurite is not Azure: its LokiJS store makes each write cost more as the partition grows, so the
 * import (about ten rows per lead, all in the workspace's partition) slows down as it goes and the
 * figures are a floor. BENCH_IMPORT_ROWS sizes the run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient, type TransactionAction } from '@azure/data-tables';
import Papa from 'papaparse';
import { createWorkspace, IMPORT_CONCURRENCY, importLeads, insertCost, type AppDeps } from '../shared/src/application';
import type { Lead } from '../shared/src/lead/lead';
import { startAzurite } from '../shared/src/storage/azurite';
import { mapBounded } from '../shared/src/storage/bounded';
import { connectTableStorage } from '../shared/src/storage/connect';
import { createIdGenerator, systemClock } from '../shared/src/storage/ids';
import { csvRecords, inspectCsv } from '../tab/server/imports/csv-file';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ACTOR = { tenantId: 'tenant-bench', userId: 'bench-user', name: 'Bench' };

const FIRST = ['Jan', 'Pieter', 'Sanne', 'Femke', 'Daan', 'João', 'Ana', 'Inês', 'Gonçalo', 'Mariana', 'Øyvind',
  'Åse', 'Ingrid', 'Bjørn', 'Kari', 'Lars', 'Sofie', 'Thiago', 'Beatriz', 'Joana', 'Johan', 'Eline', 'Rui', 'Siri'];
const LAST = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Silva', 'Santos', 'Ferreira', 'Gonçalves',
  'Conceição', 'Ødegård', 'Hansen', 'Johansen', 'Olsen', 'Bråten', 'Sætre', 'Lima', 'Smit', 'Mulder', 'Dahl'];
const COMPANY = ['Bloem', 'Fjord', 'Nordlys', 'Exemplo', 'Solução', 'Havbris', 'Tulp', 'Molen', 'Aurora', 'Viking',
  'Horizonte', 'Estrela', 'Polder', 'Kaffe', 'Brisa', 'Tindr', 'Zuidas', 'Ribeira', 'Skog', 'Vento'];
const SUFFIX = ['B.V.', 'Lda', 'AS', 'S.A.', 'Groep', 'Digital', 'Bygg', 'Consult'];
const TITLE = ['Inkoper', 'Diretor Comercial', 'Daglig leder', 'Eigenaar', 'Gestor de Compras', 'Innkjøpssjef'];
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
    const ascii = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
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
    const storage = connectTableStorage({ connectionString: azurite.connectionString }, { tablePrefix: 'bench' });
    await storage.ensureTables();
    const deps: AppDeps = { ...storage, clock: systemClock, ids: createIdGenerator() };
    const created = await createWorkspace(deps, ACTOR, { name: 'Bench' });
    if (!created.ok) throw new Error(created.error.code);
    const ws = created.value.record.id;

    const rows = leadRows(ROWS);
    const path = join(dir, 'leads.csv');
    const header = ['firstName', 'lastName', 'email', 'company', 'title', 'phone', 'source', 'campaign'];
    await writeFile(path, Papa.unparse([header, ...rows], { newline: '\r\n' }));
    console.log(`${ROWS.toLocaleString('en')} leads, CSV of ${(Buffer.byteLength(Papa.unparse(rows)) / 1e6).toFixed(1)} MB`);

    // Our import, as the server runs it: inspect (encoding, delimiter, row count), then import.
    const t0 = performance.now();
    const csv = await inspectCsv(path);
    const t1 = performance.now();
    let operations = 0;
    const counting: AppDeps = {
      ...deps,
      records: Object.assign(Object.create(deps.records) as AppDeps['records'], {
        commit: (w: string, changes: Parameters<AppDeps['records']['commit']>[1]) => {
          for (const write of changes.writes) if (write.type === 'insert') operations += insertCost('lead', write.record as Lead);
          return deps.records.commit(w, changes);
        },
      }),
    };
    let lastReport = t1;
    const result = await importLeads(counting, { actor: ACTOR }, ws, csvRecords(path, csv), {
      onProgress: (tally) => {
        const now = performance.now();
        if (now - lastReport < 10_000) return;
        lastReport = now;
        console.log(`  … ${tally.processedRows.toLocaleString('en')} rows, ${perSecond(tally.processedRows, now - t1)}`);
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

    // Raw SDK: the same number of plain entities, 100 per transaction, as many in flight.
    const raw = TableClient.fromConnectionString(azurite.connectionString, 'benchraw', { allowInsecureConnection: true });
    await raw.createTable();
    const batches: TransactionAction[][] = [];
    for (let i = 0; i < rows.length; i += 100) {
      batches.push(
        rows.slice(i, i + 100).map(([firstName, lastName, email, company, title, phone, source], j): TransactionAction => [
          'create',
          { partitionKey: 'raw', rowKey: String(i + j).padStart(9, '0'), firstName, lastName, email, company, title, phone, source },
        ]),
      );
    }
    const t3 = performance.now();
    await mapBounded(batches, IMPORT_CONCURRENCY, (batch) => raw.submitTransaction(batch));
    const rawMs = performance.now() - t3;
    console.log(`raw SDK: ${ROWS.toLocaleString('en')} entities in ${(rawMs / 1000).toFixed(1)} s → ${perSecond(ROWS, rawMs)}`);
    console.log(
      `ratio:   import ${((leads / importMs) / (ROWS / rawMs)).toFixed(2)}× raw in leads vs entities, ` +
        `${((operations / importMs) / (ROWS / rawMs)).toFixed(2)}× in table rows`,
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
