import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type { WorkspaceId } from '../common/types';
import { isNotFound } from './table-errors';

export type StoredRow = TableEntityResult<Record<string, unknown>>;

/** Rows of one partition whose keys lie in [lo, hi), after `after` when given; `extra` adds conditions. */
export function rangeFilter(
  pk: string,
  range: { lo: string; hi: string },
  after?: string,
  extra = '',
): string {
  const start =
    after !== undefined && after >= range.lo
      ? odata` and RowKey gt ${after}`
      : odata` and RowKey ge ${range.lo}`;
  return odata`PartitionKey eq ${pk}` + start + odata` and RowKey lt ${range.hi}` + extra;
}

/**
 * Pages of a query in key order (a page can be empty and still be followed by more). `prefetch`
 * asks for the next page before the caller handles this one (a scan of every record): the storage
 * finds the next rows while we parse these.
 */
export async function* pagesOf(
  client: TableClient,
  filter: string,
  options: { select?: string[]; pageSize?: number; prefetch?: boolean } = {},
): AsyncGenerator<{ rows: StoredRow[]; more: boolean }> {
  const pages = client
    .listEntities<Record<string, unknown>>({
      queryOptions: { filter, ...(options.select ? { select: options.select } : {}) },
    })
    .byPage({ maxPageSize: options.pageSize ?? 1000 });
  if (!options.prefetch) {
    for await (const page of pages) yield { rows: page, more: page.continuationToken !== undefined };
    return;
  }
  let next = pages.next();
  for (;;) {
    const page = await next;
    if (page.done) return;
    if (page.value.continuationToken !== undefined) {
      next = pages.next();
      // A caller that stops early never awaits it: its failure must not be an unhandled rejection.
      next.catch(() => undefined);
    }
    yield { rows: page.value, more: page.value.continuationToken !== undefined };
    if (page.value.continuationToken === undefined) return;
  }
}

/** Up to `n` (≤ 1000) rows, following continuation tokens; `more` when rows may remain after them. */
export async function takeRows(
  client: TableClient,
  filter: string,
  n: number,
  select?: string[],
): Promise<{ rows: StoredRow[]; more: boolean }> {
  const rows: StoredRow[] = [];
  let token: string | undefined;
  do {
    const iterator = client
      .listEntities<Record<string, unknown>>({ queryOptions: { filter, ...(select ? { select } : {}) } })
      .byPage({ maxPageSize: n - rows.length, ...(token ? { continuationToken: token } : {}) });
    const page = await iterator.next();
    if (page.done) break;
    rows.push(...page.value);
    token = page.value.continuationToken;
  } while (token && rows.length < n);
  return { rows, more: token !== undefined };
}

/** Every row of a query (small ranges only: members, one opportunity's history, the outbox). */
export async function allRows(client: TableClient, filter: string, select?: string[]): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  for await (const page of pagesOf(client, filter, select ? { select } : {})) rows.push(...page.rows);
  return rows;
}

export async function pointRead(
  client: TableClient,
  pk: WorkspaceId,
  rk: string,
): Promise<StoredRow | undefined> {
  try {
    return await client.getEntity<Record<string, unknown>>(pk, rk);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Deletes a row; one already gone is fine. */
export async function deleteIfExists(
  client: TableClient,
  pk: string,
  rk: string,
  etag?: string,
): Promise<boolean> {
  try {
    await client.deleteEntity(pk, rk, etag ? { etag } : {});
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
