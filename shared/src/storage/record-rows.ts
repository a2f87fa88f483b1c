import type { TableEntity } from '@azure/data-tables';
import type { Regarding } from '../activity/activity';
import type { Id, Instant, WorkspaceId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { StageChange } from '../opportunity/opportunity';
import type { IdempotencyRecord } from '../records/change-set';
import type { OutboxEntry } from '../application/ports';
import type { Delivery } from '../application/relay/relay-ports';
import { RECORD_FILTERS, type AnyRecord, type RecordKind } from '../records/records';
import { sortColumnValues } from '../records/record-sort';
import { upgradeRecord } from '../records/upgrade-record';
import { jsonColumns, readJsonColumns } from './json-columns';
import {
  dealViewOrder,
  hasUniqueEmail,
  type Deletion,
  type IndexEntry,
  type PartitionRow,
} from '../records/row-plan';
import {
  dealViewKey,
  binKey,
  counterKey,
  doneAboutKey,
  dueKey,
  emailKey,
  uniqueEmailKey,
  openAboutKey,
  historyKey,
  idempotencyKey,
  outboxKey,
  recordKey,
  regardingKey,
  searchKey,
  searchPartition,
} from './record-keys';

/** Every row is a plain entity; numbers only as doubles, never int64 (those read back as bigint). */
export type Row = TableEntity<Record<string, unknown>>;

export type { Deletion };

/** Sort columns are `o_<field>`; `o_v` says which set of them a row carries (older rows: none). */
export const SORT_VERSION_COLUMN = 'o_v';
export const SORT_COLUMNS_VERSION = 1;
export const sortColumn = (field: string): string => `o_${field}`;

/**
 * `r_v` on a record row: the derived rows it has are those of `records/row-plan.ts` with activities'
 * `due`, `nxt` and `lst` rows. A row without it was written before them (see PlanOptions.legacy).
 */
export const ROWS_VERSION_COLUMN = 'r_v';
export const ROWS_VERSION = 1;

/** The kind's sort fields as top-level columns, so a sorted list reads only them ($select). */
function sortColumnsOf(kind: RecordKind, record: AnyRecord): Record<string, unknown> {
  const columns: Record<string, unknown> = { [SORT_VERSION_COLUMN]: SORT_COLUMNS_VERSION };
  for (const [field, value] of Object.entries(sortColumnValues(kind, record))) {
    if (value === null) continue;
    // Always a double: an integer would be stored as Int32 (or Int64, which reads back as bigint).
    columns[sortColumn(field)] = typeof value === 'number' ? { value: String(value), type: 'Double' } : value;
  }
  return columns;
}

/**
 * `rec|<kind>|<id>`: the record as JSON, plus its kind's filter fields as top-level columns (so list
 * filters run on the server), its sort columns (so sorted lists read only those) and the soft-delete
 * flag.
 */
export function recordRow(ws: WorkspaceId, kind: RecordKind, record: AnyRecord, deletion?: Deletion): Row {
  const filters: Record<string, string | boolean> = {};
  const fields = record as unknown as Readonly<Record<string, unknown>>;
  for (const name of RECORD_FILTERS[kind]) {
    const value = fields[name];
    if (typeof value === 'string' || typeof value === 'boolean') filters[name] = value;
  }
  return {
    partitionKey: ws,
    rowKey: recordKey(kind, record.id),
    ...jsonColumns(record),
    ...filters,
    ...sortColumnsOf(kind, record),
    [ROWS_VERSION_COLUMN]: ROWS_VERSION,
    deleted: deletion !== undefined,
    ...(deletion ?? {}),
  };
}

export type StoredRecord = { readonly record: AnyRecord; readonly deletion?: Deletion };

export function readRecordRow(row: Readonly<Record<string, unknown>>): StoredRecord {
  const record = upgradeRecord(readJsonColumns<AnyRecord>(row));
  if (row.deleted !== true) return { record };
  return { record, deletion: { deletedAt: String(row.deletedAt), deletedBy: String(row.deletedBy) } };
}

/** Columns of an index row holding the record's JSON (`d`, `d1`...) and its confirmed version (`v`). */
export const INDEX_RECORD = 'd';
export const INDEX_VERSION = 'v';

/**
 * `<ws>|<shard>` / `<kind>|<token>|<id>` in the search table, carrying all the record's tokens so
 * the scan can match, and the record itself. Written without a version: unconfirmed (KEYS.md).
 */
export const indexRow = (ws: WorkspaceId, entry: IndexEntry): Row => ({
  partitionKey: searchPartition(ws, entry.token),
  rowKey: searchKey(entry.kind, entry.token, entry.id),
  id: entry.id,
  token: entry.token,
  tokens: entry.tokens.join(' '),
  indexed: entry.indexed.join(' '),
  ...jsonColumns(entry.record, INDEX_RECORD),
});

export type IndexRow = Omit<IndexEntry, 'kind' | 'record'> & {
  /** The record as the row's writer knew it, and its version once confirmed (then it is the record). */
  readonly confirmed?: { readonly record: AnyRecord; readonly version: string };
};

export const readIndexRow = (row: Readonly<Record<string, unknown>>): IndexRow => {
  const version = row[INDEX_VERSION];
  return {
    id: String(row.id),
    token: String(row.token),
    tokens: String(row.tokens).split(' '),
    indexed: String(row.indexed ?? '').split(' '),
    ...(typeof version === 'string' && typeof row[INDEX_RECORD] === 'string'
      ? { confirmed: { record: readJsonColumns<AnyRecord>(row, INDEX_RECORD), version } }
      : {}),
  };
};

/** A lead's email row is keyed by the email alone (unique in the workspace), a contact's by email and id. */
export const emailRow = (ws: WorkspaceId, kind: RecordKind, email: string, id: Id, shared = false): Row => ({
  partitionKey: ws,
  rowKey: hasUniqueEmail(kind) && !shared ? uniqueEmailKey(kind, email) : emailKey(kind, email, id),
  id,
});

export const regardingRow = (ws: WorkspaceId, regarding: Regarding, activityId: Id): Row => ({
  partitionKey: ws,
  rowKey: regardingKey(regarding.type, regarding.id, activityId),
  id: activityId,
});

export const dueRow = (ws: WorkspaceId, ownerId: string, dueAt: Instant, id: Id): Row => ({
  partitionKey: ws,
  rowKey: dueKey(ownerId, dueAt, id),
  id,
});

export const openAboutRow = (ws: WorkspaceId, regarding: Regarding, dueAt: Instant, id: Id): Row => ({
  partitionKey: ws,
  rowKey: openAboutKey(regarding.type, regarding.id, dueAt, id),
  id,
});

export const doneAboutRow = (ws: WorkspaceId, regarding: Regarding, at: Instant, id: Id): Row => ({
  partitionKey: ws,
  rowKey: doneAboutKey(regarding.type, regarding.id, at, id),
  id,
});

export const binRow = (ws: WorkspaceId, kind: RecordKind, id: Id, deletedAt: Instant): Row => ({
  partitionKey: ws,
  rowKey: binKey(deletedAt, kind, id),
  kind,
  id,
});

export const historyRow = (ws: WorkspaceId, change: StageChange): Row => ({
  partitionKey: ws,
  rowKey: historyKey(change.opportunityId, change.id),
  ...jsonColumns(change),
});

/** An outbox row; the relay adds its per-target delivery state (`delivery`, `delivery1`...) once it starts. */
export const outboxRow = (ws: WorkspaceId, entry: OutboxEntry & { readonly delivery?: Delivery }): Row => ({
  partitionKey: ws,
  rowKey: outboxKey(entry.event),
  ...jsonColumns(entry.event),
  attempts: entry.attempts,
  ...(entry.lastError !== undefined ? { lastError: entry.lastError } : {}),
  ...(entry.delivery ? jsonColumns(entry.delivery, 'delivery') : {}),
});

export const readOutboxRow = (
  row: Readonly<Record<string, unknown>>,
): OutboxEntry & { delivery?: Delivery } => ({
  event: readJsonColumns<DomainEvent>(row),
  attempts: Number(row.attempts ?? 0),
  ...(typeof row.lastError === 'string' ? { lastError: row.lastError } : {}),
  ...(typeof row.delivery === 'string' ? { delivery: readJsonColumns<Delivery>(row, 'delivery') } : {}),
});

export const idempotencyRow = (ws: WorkspaceId, record: IdempotencyRecord): Row => ({
  partitionKey: ws,
  rowKey: idempotencyKey(record.key),
  ...jsonColumns(record),
});

/** Column `owner` of a deal copy: the deal's owner (the board filtered to one owner reads `owner eq`). */
export const DEAL_COPY_OWNER = 'owner';

/** The stored row of a planned partition row. A restore's bin row takes its time from `deletedAt`. */
export function partitionRow(ws: WorkspaceId, row: PartitionRow, deletedAt?: Instant): Row {
  switch (row.type) {
    case 'record':
      return recordRow(ws, row.kind, row.record, row.deletion);
    case 'email':
      return emailRow(ws, row.kind, row.email, row.id, row.shared);
    case 'regarding':
      return regardingRow(ws, row.regarding, row.id);
    case 'deal':
      return {
        partitionKey: ws,
        rowKey: dealViewKey(row.view, dealViewOrder(row.view, row.record), row.record.id),
        [DEAL_COPY_OWNER]: row.record.ownerId,
        ...jsonColumns(row.record),
      };
    case 'due':
      return dueRow(ws, row.ownerId, row.dueAt, row.id);
    case 'open':
      return openAboutRow(ws, row.regarding, row.dueAt, row.id);
    case 'done':
      return doneAboutRow(ws, row.regarding, row.at, row.id);
    case 'bin': {
      const at = row.deletedAt ?? deletedAt;
      if (!at) throw new Error(`Restore of ${row.kind} ${row.id} without its stored deletion`);
      return binRow(ws, row.kind, row.id, at);
    }
    case 'history':
      return historyRow(ws, row.change);
    case 'counter':
      return { partitionKey: ws, rowKey: counterKey(row.name), value: row.value };
    case 'outbox':
      return outboxRow(ws, { event: row.event, attempts: 0 });
    case 'idempotency':
      return idempotencyRow(ws, row.record);
  }
}
