import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type { Instant, WorkspaceId } from '../common/types';
import type { Opportunity } from '../opportunity/opportunity';
import type { BoardColumnQuery, DealViewQuery } from '../application/ports';
import type { Page, Version, Versioned } from '../records/versions';
import { mapBounded } from './bounded';
import { decodeCursor, encodeCursor } from './cursor';
import { jsonColumnNames, readJsonColumns } from './json-columns';
import { boardColumnPrefix, DEAL_VIEW_PREFIX, dealViewKey, isKeySafeId, prefixRange } from './record-keys';
import { isConflict } from './table-errors';
import { rangeFilter, takeRows } from './table-queries';
import { readLiveRecord } from './table-record-reads';
import { DEAL_COPY_OWNER } from './record-rows';

/**
 * Column `v` of a board copy: the version (ETag) of the record the copy equals. Set right after the
 * transaction that wrote the copy, with the ETag that transaction gave the copy, so it is set only
 * while the copy is still that transaction's; every later write of the deal replaces the copy
 * without it. A copy without `v` is read through its record.
 */
export const COPY_VERSION = 'v';

const COLUMNS = ['RowKey', COPY_VERSION, ...jsonColumnNames()];

/** Marks board copies with their records' versions; a copy rewritten meanwhile keeps none. */
export async function confirmBoardCopies(
  client: TableClient,
  ws: WorkspaceId,
  copies: readonly {
    readonly rowKey: string;
    readonly etag: string | undefined;
    readonly version: Version;
  }[],
): Promise<void> {
  await mapBounded(copies, 8, async ({ rowKey, etag, version }) => {
    if (!etag) return;
    try {
      await client.updateEntity({ partitionKey: ws, rowKey, [COPY_VERSION]: version }, 'Merge', { etag });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  });
}

/**
 * One board column, newest first (of one owner when `query.owner` is given): copies with a version as
 * they are, others read through their record.
 */
export async function boardColumn(
  client: TableClient,
  ws: WorkspaceId,
  stage: string,
  query: BoardColumnQuery,
): Promise<Page<Versioned<Opportunity>>> {
  if (!isKeySafeId(ws)) return { items: [] };
  const prefix = boardColumnPrefix(stage);
  // odata`` quotes what it interpolates (after some text): the column name goes in as text.
  const owner = query.owner === undefined ? '' : ` and ${DEAL_COPY_OWNER}` + odata` eq ${query.owner}`;
  const { rows, more } = await viewRows(client, ws, prefix, query, undefined, owner);
  const items = await mapBounded(rows, 16, async (row): Promise<Versioned<Opportunity> | undefined> => {
    const record = readJsonColumns<Opportunity>(row);
    const version = row[COPY_VERSION];
    if (typeof version === 'string') return { record, version: version as Version };
    const live = await readLiveRecord(client, ws, 'opportunity', record.id);
    const owned = query.owner === undefined || live?.record.ownerId === query.owner;
    return live && live.record.stage === stage && owned ? live : undefined;
  });
  return pageOf(
    items.filter((i): i is Versioned<Opportunity> => i !== undefined),
    rows,
    prefix,
    more,
  );
}

/** Open deals last touched before `before`, the longest untouched first. */
export async function staleDeals(
  client: TableClient,
  ws: WorkspaceId,
  before: Instant,
  query: DealViewQuery,
): Promise<Page<Opportunity>> {
  if (!isKeySafeId(ws)) return { items: [] };
  const prefix = DEAL_VIEW_PREFIX.touch;
  const end = dealViewKey('touch', before, '');
  const { rows, more } = await viewRows(client, ws, prefix, query, end);
  return pageOf(
    rows.map((row) => readJsonColumns<Opportunity>(row)),
    rows,
    prefix,
    more,
  );
}

/** Open deals without a next activity, newest first. */
export async function dealsWithoutNextStep(
  client: TableClient,
  ws: WorkspaceId,
  query: DealViewQuery,
): Promise<Page<Opportunity>> {
  if (!isKeySafeId(ws)) return { items: [] };
  const prefix = DEAL_VIEW_PREFIX['no-next'];
  const { rows, more } = await viewRows(client, ws, prefix, query);
  return pageOf(
    rows.map((row) => readJsonColumns<Opportunity>(row)),
    rows,
    prefix,
    more,
  );
}

/** The cursor is the key after the view's prefix, so a cursor of one column cannot read another. */
async function viewRows(
  client: TableClient,
  ws: WorkspaceId,
  prefix: string,
  query: DealViewQuery,
  end?: string,
  extra = '',
): Promise<{ rows: TableEntityResult<Record<string, unknown>>[]; more: boolean }> {
  const range = prefixRange(prefix);
  const hi = end !== undefined && end < range.hi ? end : range.hi;
  const after = decodeCursor(query.cursor);
  const filter = rangeFilter(
    ws,
    { lo: range.lo, hi },
    after === undefined ? undefined : prefix + after,
    extra,
  );
  return takeRows(client, filter, query.limit, COLUMNS);
}

function pageOf<T>(
  items: T[],
  rows: readonly TableEntityResult<Record<string, unknown>>[],
  prefix: string,
  more: boolean,
): Page<T> {
  const last = rows.at(-1)?.rowKey;
  return more && last ? { items, nextCursor: encodeCursor(last.slice(prefix.length)) } : { items };
}
