/**
 * The first layout, kept for the benchmark's "before" figures: every index row (one per token, no
 * token left out) in the workspace's partition beside the record and email rows, written with raw
 * SDK transactions of ≤ 100 rows packed as the old import packed them, and its search (the driving
 * token's `idx|` range in that partition, then point reads).
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { matchesQuery } from '../shared/src/common/search-tokens';
import type { Lead } from '../shared/src/lead/lead';
import { drivingToken, recordSearchTokens } from '../shared/src/records/record-search';
import { mapBounded } from '../shared/src/storage/bounded';
import { emailRow, recordRow, type Row } from '../shared/src/storage/record-rows';
import { prefixRange, recordKey } from '../shared/src/storage/record-keys';
import { rangeFilter } from '../shared/src/storage/table-queries';

export function oldLayoutRows(ws: string, lead: Lead): Row[] {
  const tokens = recordSearchTokens('lead', lead);
  return [
    recordRow(ws, 'lead', lead),
    ...tokens.map((token) => ({
      partitionKey: ws,
      rowKey: `idx|lead|${token}|${lead.id}`,
      id: lead.id,
      token,
      tokens: tokens.join(' '),
    })),
    ...(lead.email ? [emailRow(ws, 'lead', lead.email.toLowerCase(), lead.id)] : []),
  ];
}

/** Writes leads in the old layout, 2 transactions in flight (the old IMPORT_CONCURRENCY). */
export async function writeOldLayout(
  table: TableClient,
  ws: string,
  leads: readonly Lead[],
  onRows: (rows: number) => void = () => {},
): Promise<number> {
  const batches: TransactionAction[][] = [[]];
  for (const lead of leads) {
    const rows = oldLayoutRows(ws, lead);
    if ((batches.at(-1) as TransactionAction[]).length + rows.length > 100) batches.push([]);
    (batches.at(-1) as TransactionAction[]).push(...rows.map((row): TransactionAction => ['create', row]));
  }
  let written = 0;
  await mapBounded(batches, 2, async (batch) => {
    await table.submitTransaction(batch);
    onRows((written += batch.length));
  });
  return written;
}

/** The old search, as it read: the driving token's range, matched on the rows, matches point-read. */
export async function oldSearch(table: TableClient, ws: string, q: string, limit: number): Promise<number> {
  const driving = drivingToken(q) ?? '';
  const filter = rangeFilter(ws, prefixRange(`idx|lead|${driving}`));
  const ids: string[] = [];
  for await (const row of table.listEntities<Record<string, unknown>>({
    queryOptions: { filter, select: ['id', 'token', 'tokens'] },
  })) {
    const tokens = String(row.tokens).split(' ');
    const under = tokens.filter((t) => t.startsWith(driving)).sort()[0];
    if (row.token === under && matchesQuery(tokens, q)) ids.push(String(row.id));
    if (ids.length === limit) break;
  }
  const found = await mapBounded(ids, 32, (id) => table.getEntity(ws, recordKey('lead', id)));
  return found.length;
}

/** The first page of leads (unchanged by the layout: the `rec|lead|` range). */
export async function firstPage(table: TableClient, ws: string, limit: number): Promise<number> {
  const filter = rangeFilter(ws, prefixRange('rec|lead|'), undefined, odata` and deleted eq false`);
  const page = await table.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: limit }).next();
  return page.done ? 0 : page.value.length;
}
