import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { WorkspaceId } from '../common/types';
import type { Lead } from '../lead/lead';
import type { Opportunity } from '../opportunity/opportunity';
import { recountFigures } from '../reports/figure-contributions';
import { figureEntries, fromFigureEntries, sameFigures, type FigureValues } from '../reports/figures';
import { dealViews } from '../records/row-plan';
import { mapBounded } from './bounded';
import { jsonColumns, readJsonColumns } from './json-columns';
import { DEAL_VIEW_PREFIX, FIGURE_PREFIX, figureKey, prefixRange, recordPrefix } from './record-keys';
import { DEAL_COPY_OWNER, partitionRow, readRecordRow, type Row } from './record-rows';
import { isConflict } from './table-errors';
import { pagesOf, rangeFilter, type StoredRow } from './table-queries';

export type RebuildReport = {
  readonly workspaceId: WorkspaceId;
  readonly leads: number;
  readonly deals: number;
  /** Figure rows that differed from the recount and were rewritten. */
  readonly figureRows: number;
  /** Deal copies written (missing or different) and deleted (no live deal implies them). */
  readonly dealViewsWritten: number;
  readonly dealViewsDeleted: number;
  /** Rounds needed: a commit during a round changes what it read, and the round runs again. */
  readonly rounds: number;
};

const ROUNDS = 8;

/**
 * `npm run rebuild-figures`: recounts one workspace's figures from its live leads and deals and
 * rewrites the figure rows that differ, and writes the deal copies (board columns, last touch, no
 * next step) its deals imply and deletes the others. Needed once for data written before figures
 * existed, and whenever a contribution rule changes; safe while the app runs:
 * - figure rows are read (with their ETags) before the records, and each is rewritten with the ETag
 *   read: a commit that changed a row meanwhile fails that write, and the round starts again (a row
 *   no commit touched is equal in the records before and after it);
 * - a deal whose version changed after it was read has its copies written again from a fresh read.
 */
export async function rebuildWorkspaceFigures(client: TableClient, ws: WorkspaceId): Promise<RebuildReport> {
  let dealViewsWritten = 0;
  let dealViewsDeleted = 0;
  for (let round = 1; ; round++) {
    const stored = await figureRows(client, ws);
    const leads = await liveRecords<Lead>(client, ws, 'lead');
    const deals = await liveRecords<Opportunity>(client, ws, 'opportunity');
    const views = await syncDealViews(client, ws, deals);
    dealViewsWritten += views.written;
    dealViewsDeleted += views.deleted;
    const recount = recountFigures(
      leads.map((l) => l.record),
      deals.map((d) => d.record),
    );
    const writes: TransactionAction[] = [];
    for (const row of new Set([...stored.keys(), ...recount.keys()])) {
      const values: FigureValues = recount.get(row) ?? new Map();
      const before = stored.get(row);
      if (before && sameFigures(new Map([[row, before.values]]), new Map([[row, values]]))) continue;
      const entity = { partitionKey: ws, rowKey: figureKey(row), ...jsonColumns(figureEntries(values)) };
      writes.push(before ? ['update', entity, 'Replace', { etag: before.etag }] : ['create', entity]);
    }
    const written = await submitEach(client, writes);
    if (written || round >= ROUNDS) {
      if (!written)
        throw new Error(`Workspace ${ws} kept changing during ${ROUNDS} rebuild rounds; run it again`);
      return {
        workspaceId: ws,
        leads: leads.length,
        deals: deals.length,
        figureRows: writes.length,
        dealViewsWritten,
        dealViewsDeleted,
        rounds: round,
      };
    }
  }
}

type Live<T> = { readonly record: T; readonly etag: string };

async function liveRecords<T>(
  client: TableClient,
  ws: WorkspaceId,
  kind: 'lead' | 'opportunity',
): Promise<Live<T>[]> {
  const filter = rangeFilter(ws, prefixRange(recordPrefix(kind)), undefined, odata` and deleted eq false`);
  const out: Live<T>[] = [];
  for await (const page of pagesOf(client, filter, { prefetch: true }))
    for (const row of page.rows) out.push({ record: readRecordRow(row).record as T, etag: String(row.etag) });
  return out;
}

async function figureRows(
  client: TableClient,
  ws: WorkspaceId,
): Promise<Map<string, { values: FigureValues; etag: string }>> {
  const rows = new Map<string, { values: FigureValues; etag: string }>();
  for await (const page of pagesOf(client, rangeFilter(ws, prefixRange(FIGURE_PREFIX)))) {
    for (const row of page.rows) {
      rows.set(String(row.rowKey).slice(FIGURE_PREFIX.length), {
        values: fromFigureEntries(readJsonColumns<string[][]>(row)),
        etag: String(row.etag),
      });
    }
  }
  return rows;
}

/** Each figure write alone (one may fail while the others stand); false when any met a change. */
async function submitEach(client: TableClient, writes: readonly TransactionAction[]): Promise<boolean> {
  const results = await mapBounded(writes, 8, async (action) => {
    try {
      await client.submitTransaction([action]);
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  });
  return results.every(Boolean);
}

/**
 * Writes the copies the live deals imply (without a version: the board reads such a copy through
 * its record) where missing or different, and deletes copies no live deal implies (each checked
 * against a fresh read of its deal, so a deal created meanwhile keeps its copies). Then re-reads
 * every deal it wrote copies for: one whose version moved meanwhile is done again from its fresh
 * state (deleted: its copies go).
 */
async function syncDealViews(
  client: TableClient,
  ws: WorkspaceId,
  deals: readonly Live<Opportunity>[],
): Promise<{ written: number; deleted: number }> {
  const existing = new Map<string, StoredRow>();
  for (const prefix of Object.values(DEAL_VIEW_PREFIX)) {
    for await (const page of pagesOf(client, rangeFilter(ws, prefixRange(prefix))))
      for (const row of page.rows) existing.set(String(row.rowKey), row);
  }
  const read = (id: string) => readDeal(client, ws, id);
  let written = 0;
  let deleted = 0;
  // Copies no deal read implies: their deal is gone, moved, or new since the scan.
  const live = new Set(deals.map((d) => d.record.id));
  const implied = new Set(deals.flatMap((d) => dealViews(d.record).map((r) => partitionRow(ws, r).rowKey)));
  const suspects = [...new Set([...existing.keys()].filter((k) => !implied.has(k)).map(idOfKey))];
  const fresh = await mapBounded(suspects, 8, read);
  let pending: Pending[] = [
    ...deals.map((d) => ({ id: d.record.id, deal: d })),
    ...fresh.flatMap((deal, i) =>
      live.has(suspects[i] as string) ? [] : [{ id: suspects[i] as string, deal }],
    ),
  ];
  for (let round = 0; pending.length > 0 && round < ROUNDS; round++) {
    const wanted = new Map<string, Row>();
    for (const { deal } of pending) {
      for (const row of deal ? dealViews(deal.record) : []) {
        const entity = partitionRow(ws, row);
        wanted.set(entity.rowKey, entity);
      }
    }
    const ids = new Set(pending.map((p) => p.id));
    const toWrite = [...wanted.values()].filter((row) => !sameCopy(existing.get(row.rowKey), row));
    const toDelete = [...existing.keys()].filter((key) => ids.has(idOfKey(key)) && !wanted.has(key));
    await mapBounded(toWrite, 8, (row) => client.upsertEntity(row, 'Replace'));
    await mapBounded(toDelete, 8, (rowKey) => client.deleteEntity(ws, rowKey).catch(() => undefined));
    written += toWrite.length;
    deleted += toDelete.length;
    for (const row of toWrite) existing.set(row.rowKey, row as StoredRow);
    for (const key of toDelete) existing.delete(key);
    // A deal that changed after it was read may have had its copies overwritten by ours.
    const touched = [...new Set([...toWrite.map((r) => idOfKey(r.rowKey)), ...toDelete.map(idOfKey)])];
    const now = await mapBounded(touched, 8, read);
    const before = new Map(pending.map((p) => [p.id, p.deal?.etag]));
    pending = touched.flatMap((id, i) => (now[i]?.etag === before.get(id) ? [] : [{ id, deal: now[i] }]));
  }
  return { written, deleted };
}

type Pending = { readonly id: string; readonly deal: Live<Opportunity> | undefined };

/** The id a deal copy's key ends with. */
const idOfKey = (key: string): string => key.slice(key.lastIndexOf('|') + 1);

/** A deal as stored now; undefined when deleted or gone. */
async function readDeal(
  client: TableClient,
  ws: WorkspaceId,
  id: string,
): Promise<Live<Opportunity> | undefined> {
  try {
    const row = await client.getEntity<Record<string, unknown>>(ws, `${recordPrefix('opportunity')}${id}`);
    const stored = readRecordRow(row);
    return stored.deletion ? undefined : { record: stored.record as Opportunity, etag: String(row.etag) };
  } catch (error) {
    if (isConflict(error)) return undefined;
    throw error;
  }
}

const sameCopy = (stored: StoredRow | undefined, row: Row): boolean =>
  stored !== undefined &&
  stored.data === row.data &&
  stored.data1 === row.data1 &&
  stored[DEAL_COPY_OWNER] === row[DEAL_COPY_OWNER];
