import type { TableEntity } from '@azure/data-tables';
import type { Regarding } from '../activity/activity';
import type { Id, Instant, UserId, WorkspaceId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { StageChange } from '../opportunity/opportunity';
import type { IdempotencyRecord, OutboxEntry } from '../application/ports';
import type { Delivery } from '../application/relay/delivery';
import { RECORD_FILTERS, type AnyRecord, type RecordKind } from '../application/records';
import { jsonColumns, readJsonColumns } from './json-columns';
import {
  binKey,
  emailKey,
  historyKey,
  idempotencyKey,
  indexKey,
  outboxKey,
  recordKey,
  regardingKey,
} from './record-keys';

/** Every row is a plain entity; numbers only as doubles, never int64 (those read back as bigint). */
export type Row = TableEntity<Record<string, unknown>>;

export type Deletion = { readonly deletedAt: Instant; readonly deletedBy: UserId };

/**
 * `rec|<kind>|<id>`: the record as JSON, plus its kind's filter fields as top-level columns (so list
 * filters run on the server) and the soft-delete flag.
 */
export function recordRow(ws: WorkspaceId, kind: RecordKind, record: AnyRecord, deletion?: Deletion): Row {
  const filters: Record<string, string> = {};
  const fields = record as unknown as Readonly<Record<string, unknown>>;
  for (const name of RECORD_FILTERS[kind]) {
    const value = fields[name];
    if (typeof value === 'string') filters[name] = value;
  }
  return {
    partitionKey: ws,
    rowKey: recordKey(kind, record.id),
    ...jsonColumns(record),
    ...filters,
    deleted: deletion !== undefined,
    ...(deletion ?? {}),
  };
}

export type StoredRecord = { readonly record: AnyRecord; readonly deletion?: Deletion };

export function readRecordRow(row: Readonly<Record<string, unknown>>): StoredRecord {
  const record = readJsonColumns<AnyRecord>(row);
  if (row.deleted !== true) return { record };
  return { record, deletion: { deletedAt: String(row.deletedAt), deletedBy: String(row.deletedBy) } };
}

/** `idx|<kind>|<token>|<id>`: one per search token, carrying all the record's tokens so the scan can match. */
export const indexRow = (
  ws: WorkspaceId,
  kind: RecordKind,
  token: string,
  id: Id,
  tokens: readonly string[],
): Row => ({
  partitionKey: ws,
  rowKey: indexKey(kind, token, id),
  id,
  token,
  tokens: tokens.join(' '),
});

export type IndexEntry = { readonly id: Id; readonly token: string; readonly tokens: readonly string[] };

export const readIndexRow = (row: Readonly<Record<string, unknown>>): IndexEntry => ({
  id: String(row.id),
  token: String(row.token),
  tokens: String(row.tokens).split(' '),
});

export const emailRow = (ws: WorkspaceId, kind: RecordKind, email: string, id: Id): Row => ({
  partitionKey: ws,
  rowKey: emailKey(kind, email, id),
  id,
});

export const regardingRow = (ws: WorkspaceId, regarding: Regarding, activityId: Id): Row => ({
  partitionKey: ws,
  rowKey: regardingKey(regarding.type, regarding.id, activityId),
  id: activityId,
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
  rowKey: outboxKey(entry.event.id),
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
