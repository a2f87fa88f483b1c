import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { WorkspaceId } from '../common/types';
import { isKeySafeId, WORKSPACE_KEY } from './record-keys';
import { pointRead } from './table-queries';
import { isConflict, statusOf } from './table-errors';

/**
 * Backups of workspaces, one JSON-lines file per workspace in a backup (`<backupId>/<workspaceId>.jsonl`):
 * a header line, then every row the workspace owns, as storage holds it (typed values keep their
 * EDM type): its whole partition of the records table, its channel subscriptions (`c|<ws>`), the
 * directory rows naming it (`all`, each member's `u|…`) and the partition of the team it is bound to
 * (binding, team, roster). Not backed up: the search table (derived: restore re-indexes), the relay's
 * marks and leases (`obx|…`: transient).
 */
export type BackupStore = {
  /** Writes `name` from the lines (each ends without a newline), replacing nothing: a name is written once. */
  put(name: string, lines: AsyncIterable<string>): Promise<void>;
  lines(name: string): AsyncIterable<string>;
  /** Names under `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
};

export type BackupTables = { readonly records: TableClient; readonly directory: TableClient };

type TableName = keyof BackupTables;

/** One stored row: its table, keys and properties (typed values as `{ value, type }`). */
export type BackupRow = {
  readonly t: TableName;
  readonly pk: string;
  readonly rk: string;
  readonly p: Readonly<Record<string, unknown>>;
};

type Header = { readonly format: 1; readonly workspaceId: WorkspaceId; readonly takenAt: string };

export type BackupReport = { readonly workspaceId: WorkspaceId; readonly rows: number };

/** A backup's id: when it was taken, safe in a blob name and sorting by time. */
export const backupIdOf = (at: string): string => at.replace(/[:.]/g, '-');

const fileOf = (backupId: string, ws: WorkspaceId) => `${backupId}/${ws}.jsonl`;

/** Every row `ws` owns, in each table's key order. */
export async function* workspaceRows(tables: BackupTables, ws: WorkspaceId): AsyncGenerator<BackupRow> {
  if (!isKeySafeId(ws)) throw new Error(`Not a workspace id: ${ws}`);
  yield* rowsOf(tables, 'records', `PartitionKey eq '${ws}'`);
  yield* rowsOf(tables, 'directory', `PartitionKey eq 'c|${ws}'`);
  const teams = new Set<string>();
  for await (const row of rowsOf(tables, 'directory', `RowKey eq '${ws}'`)) {
    if (row.pk.startsWith('obx|')) continue;
    yield row;
  }
  for await (const binding of rowsOf(tables, 'directory', `RowKey eq 'binding' and workspaceId eq '${ws}'`))
    teams.add(binding.pk);
  for (const pk of teams) yield* rowsOf(tables, 'directory', `PartitionKey eq '${quote(pk)}'`);
}

/** Writes one workspace's rows to `<backupId>/<ws>.jsonl`. */
export async function backupWorkspace(
  tables: BackupTables,
  store: BackupStore,
  backupId: string,
  ws: WorkspaceId,
  takenAt: string,
): Promise<BackupReport> {
  let rows = 0;
  async function* lines(): AsyncGenerator<string> {
    const header: Header = { format: 1, workspaceId: ws, takenAt };
    yield JSON.stringify(header);
    for await (const row of workspaceRows(tables, ws)) {
      rows++;
      yield JSON.stringify(row);
    }
  }
  await store.put(fileOf(backupId, ws), lines());
  return { workspaceId: ws, rows };
}

/** The workspaces a backup holds. */
export async function backupWorkspaces(store: BackupStore, backupId: string): Promise<WorkspaceId[]> {
  const names = await store.list(`${backupId}/`);
  return names.flatMap((name) => {
    const match = /\/([A-Za-z0-9_-]+)\.jsonl$/.exec(name);
    return match?.[1] ? [match[1]] : [];
  });
}

/**
 * Writes a backed-up workspace's rows back, into a store that does not hold the workspace: refused
 * when its `ws` row exists. Rows are upserted (re-sending one is harmless, so a batch whose answer
 * was lost is sent again), in transactions of one partition, and the `ws` row — what makes the
 * workspace exist — goes last: a restore that stopped half-way leaves no workspace and can be run
 * again. Re-index its search afterwards (`reindexSearch`).
 */
export async function restoreWorkspace(
  tables: BackupTables,
  store: BackupStore,
  backupId: string,
  ws: WorkspaceId,
): Promise<BackupReport> {
  if (await pointRead(tables.records, ws, WORKSPACE_KEY))
    throw new Error(`The store holds workspace ${ws} already: restore into an empty store`);
  let header: Header | undefined;
  let rows = 0;
  let workspaceRow: BackupRow | undefined;
  const batches = new Map<string, { table: TableName; actions: TransactionAction[]; bytes: number }>();
  const flush = async (key: string) => {
    const batch = batches.get(key);
    batches.delete(key);
    if (batch && batch.actions.length > 0) await submitAgainIfLost(tables[batch.table], batch.actions);
  };
  for await (const line of store.lines(fileOf(backupId, ws))) {
    if (!line.trim()) continue;
    if (!header) {
      header = JSON.parse(line) as Header;
      if (header.format !== 1 || header.workspaceId !== ws)
        throw new Error(`${fileOf(backupId, ws)} is not a backup of workspace ${ws}`);
      continue;
    }
    const row = JSON.parse(line) as BackupRow;
    rows++;
    if (row.t === 'records' && row.pk === ws && row.rk === WORKSPACE_KEY) {
      workspaceRow = row;
      continue;
    }
    const key = `${row.t}\n${row.pk}`;
    const bytes = line.length;
    const batch = batches.get(key);
    // A transaction holds at most 100 rows and 4 MiB.
    if (batch && (batch.actions.length >= 100 || batch.bytes + bytes > 3_000_000)) await flush(key);
    const current = batches.get(key) ?? { table: row.t, actions: [], bytes: 0 };
    current.actions.push(upsert(row));
    current.bytes += bytes;
    batches.set(key, current);
  }
  if (!header) throw new Error(`${fileOf(backupId, ws)} is empty`);
  for (const key of [...batches.keys()]) await flush(key);
  if (workspaceRow) await submitAgainIfLost(tables.records, [upsert(workspaceRow)]);
  return { workspaceId: ws, rows };
}

const upsert = (row: BackupRow): TransactionAction => [
  'upsert',
  { partitionKey: row.pk, rowKey: row.rk, ...row.p },
  'Replace',
];

/** Upserts are idempotent: a batch that failed without a refusal from storage (4xx) is sent again. */
async function submitAgainIfLost(client: TableClient, actions: TransactionAction[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.submitTransaction(actions);
      return;
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= 5 || (status !== undefined && status >= 400 && status < 500)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

/** Rows as stored: typed values stay `{ value, type }`; the ETag, timestamp and OData metadata go. */
async function* rowsOf(tables: BackupTables, table: TableName, filter: string): AsyncGenerator<BackupRow> {
  const entities = tables[table].listEntities<Record<string, unknown>>({
    queryOptions: { filter },
    disableTypeConversion: true,
  });
  for await (const entity of entities) {
    const { partitionKey, rowKey, etag: _etag, timestamp: _timestamp, ...rest } = entity;
    const p: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(rest)) if (!name.startsWith('odata.')) p[name] = value;
    yield { t: table, pk: String(valueOf(partitionKey)), rk: String(valueOf(rowKey)), p };
  }
}

/** With type conversion off, even the keys may come as `{ value, type }`. */
const valueOf = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;

const quote = (text: string) => text.replace(/'/g, "''");

/** The directory row that says when the last scheduled backup started (`bkp` / `last`). */
const CLAIM = { partitionKey: 'bkp', rowKey: 'last' } as const;

/**
 * Claims the scheduled backup of the period: true for exactly one caller however many instances ask,
 * once `periodMs` has passed since the last claimed start (ETag-guarded create or replace of one row).
 */
export async function claimBackup(directory: TableClient, now: string, periodMs: number): Promise<boolean> {
  let current: { etag: string; startedAt?: unknown } | undefined;
  try {
    current = await directory.getEntity<{ startedAt?: string }>(CLAIM.partitionKey, CLAIM.rowKey);
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  try {
    if (!current) {
      await directory.createEntity({ ...CLAIM, startedAt: now });
      return true;
    }
    const last = Date.parse(String(current.startedAt ?? ''));
    if (Number.isFinite(last) && Date.parse(now) - last < periodMs) return false;
    await directory.updateEntity({ ...CLAIM, startedAt: now }, 'Replace', { etag: current.etag });
    return true;
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
}

/** Backs up every listed workspace under one backup id; a workspace that fails is reported, the others go on. */
export async function backupAll(
  tables: BackupTables,
  store: BackupStore,
  workspaces: AsyncIterable<WorkspaceId>,
  takenAt: string,
): Promise<{
  backupId: string;
  reports: BackupReport[];
  failed: { workspaceId: WorkspaceId; error: string }[];
}> {
  const backupId = backupIdOf(takenAt);
  const reports: BackupReport[] = [];
  const failed: { workspaceId: WorkspaceId; error: string }[] = [];
  for await (const ws of workspaces) {
    try {
      reports.push(await backupWorkspace(tables, store, backupId, ws, takenAt));
    } catch (error) {
      failed.push({ workspaceId: ws, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { backupId, reports, failed };
}
