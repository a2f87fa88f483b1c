import type { TransactionFailure } from './table-email-rows';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { WorkspaceId } from '../common/types';
import {
  applyToRow,
  figureEntries,
  fromFigureEntries,
  type FigureSet,
  type FigureValues,
} from '../reports/figures';
import type { FigureQuery } from '../application/ports';
import { mapBounded } from './bounded';
import { jsonColumnNames, jsonColumns, readJsonColumns } from './json-columns';
import { FIGURE_PREFIX, figureKey, prefixRange } from './record-keys';
import { failedOperation, isConflict, statusOf } from './table-errors';
import { allRows, pointRead, type StoredRow } from './table-queries';

/** A figure row as last seen: its counters and ETag (none: the row does not exist yet). */
type Seen = { readonly values: FigureValues; readonly etag?: string };

type TransactionResponse = Awaited<ReturnType<TableClient['submitTransaction']>>;

/** How often a commit is tried again when only a figure row changed under it. */
const ATTEMPTS = 12;
/** Figure rows remembered (across workspaces), so a commit usually reads none. */
const CACHE_ROWS = 4_000;

export class FigureConflict extends Error {
  constructor() {
    super('A figure row kept changing under the commit');
  }
}

const rowEntity = (ws: WorkspaceId, row: string, values: FigureValues) => ({
  partitionKey: ws,
  rowKey: figureKey(row),
  ...jsonColumns(figureEntries(values)),
});

const readRow = (stored: StoredRow): FigureValues => fromFigureEntries(readJsonColumns<string[][]>(stored));

/**
 * The maintained figures of each workspace (reports/figures.ts): rows `fig|<row>` in the workspace's
 * partition, written in the same entity-group transaction as the change they count. Each figure row
 * is updated with the ETag it was read with (created when new), so two commits cannot both add to
 * the value they read: the loser's transaction fails as a whole. If only a figure row changed, the
 * commit is tried again on fresh figures, inside this process one at a time per workspace (no commit
 * of ours races another of ours); a record row that changed is the caller's CONCURRENCY.STALE.
 */
export class TableFigures {
  private readonly cache = new Map<string, Seen>();
  private readonly queues = new Map<WorkspaceId, Promise<unknown>>();

  constructor(private readonly client: TableClient) {}

  /**
   * Submits `actions` with the figure operations for `delta` appended. Resolves to the response, or
   * to the failure (status, and the failed action's position in `actions`) when a record row (not a
   * figure row) made the transaction fail. A delete listed
   * in `mayBeMissing` that finds no row (a deal copy that data written before copies existed lacks)
   * is dropped and the rest tried again; the response keeps every other action's position.
   */
  async commit(
    ws: WorkspaceId,
    actions: readonly TransactionAction[],
    delta: FigureSet,
    mayBeMissing: ReadonlySet<number> = new Set(),
  ): Promise<TransactionResponse | TransactionFailure> {
    const run = () => this.attempts(ws, actions, delta, mayBeMissing);
    return delta.size === 0 ? run() : this.serially(ws, run);
  }

  private async attempts(
    ws: WorkspaceId,
    actions: readonly TransactionAction[],
    delta: FigureSet,
    mayBeMissing: ReadonlySet<number>,
  ): Promise<TransactionResponse | TransactionFailure> {
    const rows = [...delta.keys()];
    let seen = rows.length ? await this.known(ws, rows) : new Map<string, Seen>();
    let kept = actions.map((_, i) => i);
    for (let attempt = 1; ; attempt++) {
      const figureActions = rows.map((row): TransactionAction => {
        const before = seen.get(row) as Seen;
        const entity = rowEntity(ws, row, applyToRow(before.values, delta.get(row) as FigureValues));
        return before.etag ? ['update', entity, 'Replace', { etag: before.etag }] : ['create', entity];
      });
      const sent = await this.submit([...kept.map((i) => actions[i] as TransactionAction), ...figureActions]);
      if ('response' in sent) {
        const { response } = sent;
        rows.forEach((row, i) => {
          const etag = response.subResponses[kept.length + i]?.etag;
          const values = applyToRow(seen.get(row)?.values, delta.get(row) as FigureValues);
          this.remember(ws, row, etag ? { values, etag } : undefined);
        });
        // Every action where the caller put it (a dropped delete has no sub-response).
        const at = new Map(kept.map((original, position) => [original, position]));
        const subResponses = actions.map((_, i) => {
          const position = at.get(i);
          return position === undefined ? undefined : response.subResponses[position];
        });
        return { ...response, subResponses } as TransactionResponse;
      }
      const failed = kept[sent.failedAt ?? -1];
      if (sent.status === 404 && failed !== undefined && mayBeMissing.has(failed) && attempt < ATTEMPTS * 2) {
        kept = kept.filter((i) => i !== failed);
        continue;
      }
      const failure: TransactionFailure = { status: sent.status, failedAt: failed };
      if (rows.length === 0) return failure;
      const fresh = await this.fetch(ws, rows);
      const figuresMoved = rows.some((row) => fresh.get(row)?.etag !== seen.get(row)?.etag);
      if (!figuresMoved) return failure;
      if (attempt >= ATTEMPTS) throw new FigureConflict();
      seen = fresh;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }

  /** Figure rows of a workspace, by name or by key range (reports, the board). */
  async read(ws: WorkspaceId, query: FigureQuery): Promise<FigureSet> {
    if ('rows' in query) {
      const seen = await this.fetch(ws, query.rows);
      return new Map([...seen].filter(([, s]) => s.values.size > 0).map(([row, s]) => [row, s.values]));
    }
    const range = prefixRange(figureKey(query.prefix));
    const lo = query.from === undefined ? range.lo : figureKey(query.from);
    const upper =
      query.to === undefined
        ? odata` and RowKey lt ${range.hi}`
        : odata` and RowKey le ${figureKey(query.to)}`;
    const filter = odata`PartitionKey eq ${ws} and RowKey ge ${lo}` + upper;
    const found = await allRows(this.client, filter, ['RowKey', ...jsonColumnNames()]);
    return new Map(
      found.map((row) => [String(row.rowKey).slice(FIGURE_PREFIX.length), readRow(row)] as const),
    );
  }

  /** Forgets what this process remembers of a workspace's figures (after a rebuild). */
  forget(ws: WorkspaceId): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${ws}|`)) this.cache.delete(key);
  }

  private async submit(
    actions: readonly TransactionAction[],
  ): Promise<{ response: TransactionResponse } | { status?: number; failedAt?: number }> {
    try {
      return { response: await this.client.submitTransaction([...actions]) };
    } catch (error) {
      if (isConflict(error)) return { status: statusOf(error), failedAt: failedOperation(error) };
      throw error;
    }
  }

  /** The rows as this process last saw them, reading only those it has not seen. */
  private async known(ws: WorkspaceId, rows: readonly string[]): Promise<Map<string, Seen>> {
    const missing = rows.filter((row) => !this.cache.has(`${ws}|${row}`));
    const fetched = await this.fetch(ws, missing);
    return new Map(rows.map((row) => [row, fetched.get(row) ?? (this.cache.get(`${ws}|${row}`) as Seen)]));
  }

  private async fetch(ws: WorkspaceId, rows: readonly string[]): Promise<Map<string, Seen>> {
    const found = await mapBounded(rows, 8, async (row) => {
      const stored = await pointRead(this.client, ws, figureKey(row));
      const seen: Seen = stored
        ? { values: readRow(stored), etag: String(stored.etag) }
        : { values: new Map() };
      this.remember(ws, row, seen);
      return [row, seen] as const;
    });
    return new Map(found);
  }

  private remember(ws: WorkspaceId, row: string, seen: Seen | undefined): void {
    const key = `${ws}|${row}`;
    this.cache.delete(key);
    if (!seen) return;
    this.cache.set(key, seen);
    if (this.cache.size > CACHE_ROWS) this.cache.delete(this.cache.keys().next().value as string);
  }

  /** Runs `fn` after every earlier call for the workspace has settled. */
  private serially<T>(ws: WorkspaceId, fn: () => Promise<T>): Promise<T> {
    const before = this.queues.get(ws) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(ws, settled);
    void settled.then(() => {
      if (this.queues.get(ws) === settled) this.queues.delete(ws);
    });
    return run;
  }
}
