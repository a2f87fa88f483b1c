import { backoffDelay, type BackoffPolicy } from '../../common/backoff';
import type { Id, UserId, WorkspaceId } from '../../common/types';
import {
  addToTally,
  buildImportedRecord,
  duplicateKeys,
  duplicateSkip,
  emptyKeyIndex,
  fillEmptyFields,
  matchDuplicate,
  readImportRow,
  rememberKeys,
  EMPTY_TALLY,
  MAX_LISTED,
  type DuplicatePolicy,
  type ImportedRecord,
  type ImportMapping,
  type ImportRowError,
  type ImportSkip,
  type ImportTally,
  type RowRead,
  type TallyDelta,
  type ValueUse,
} from '../../imports';
import type { Write } from '../../records/change-set';
import type { AnyRecord } from '../../records/records';
import { COMMIT_CAPACITY, planCommit } from '../../records/row-plan';
import type { Versioned } from '../../records/versions';
import type { Workspace } from '../../workspace/workspace';
import type { AppDeps } from '../deps';
import type { ImportContext } from './import-context';

export type ImportRunOptions = {
  /** Continues an interrupted import: skips its processed rows and counts on from its tally. */
  readonly resumeFrom?: ImportTally;
  /** Called, in row order, whenever another stretch of rows is settled. */
  readonly onProgress?: (tally: ImportTally) => Promise<void> | void;
  /** Stops reading: batches in flight finish and are reported, then the signal's reason is thrown. */
  readonly signal?: AbortSignal;
  /** Change sets committed at the same time. */
  readonly concurrency?: number;
  /** What a row matching an existing record does (default: skip it). */
  readonly duplicates?: DuplicatePolicy;
  /**
   * The owner of a row whose owner column names no member; default: the importer, or for leads the
   * workspace's round-robin when it is on (importRecords).
   */
  readonly assignOwner?: () => UserId;
  /**
   * The ids a row's records take (its `n`-th id), the same on every run of the file: a resumed job
   * (`runImportJob`) finds a record that a row committed after the last saved progress under the
   * row's own id and counts it as created once, never as its own duplicate nor twice. Default: fresh ids.
   */
  readonly rowIds?: (row: number, n: number) => Id;
};

/**
 * Change sets in flight. A workspace is one partition, which Azure serves at about 2,000 rows/s: two
 * transactions of ~100 rows at typical latency reach that, more only invite throttling (and on
 * Azurite, 6 in flight took twice as long as 2). Search-index rows go to other partitions beside it.
 */
export const IMPORT_CONCURRENCY = 2;
/** A stretch of skipped or rejected rows is reported at least this often, even when nothing is written. */
const ROWS_PER_SEGMENT = 500;
/** Rows read before their lookups (records named by our own id, records to fill in) are fetched at once. */
const CHUNK = 100;

/** One row's writes (a record, a deal's history row), committed together. */
type Entry = {
  readonly row: number;
  readonly writes: readonly Write[];
  /** Its partition rows; the figure rows it counts in are shared by the segment (`figureRows`). */
  readonly cost: number;
  readonly figureRows: readonly string[];
  readonly change: 'created' | 'updated';
  readonly email?: string | undefined;
};

/** Rows read since the last change set was sent, with what they already settled. */
class Segment {
  readonly entries: Entry[] = [];
  readonly skippedRows: ImportSkip[] = [];
  readonly errorRows: ImportRowError[] = [];
  readonly uses: ValueUse[] = [];
  cost = 0;
  /** The figure rows the segment's writes count in: one transaction operation each. */
  readonly figureRows = new Set<string>();
  rows = 0;
  /** Rows an earlier run of the job committed (found under their own ids): created, nothing to write. */
  replayed = 0;
  skipped = 0;
  duplicateCount = 0;
  errors = 0;

  /** Operations of the segment's transaction with `entry` added. */
  operationsWith(entry: Entry): number {
    return this.cost + entry.cost + new Set([...this.figureRows, ...entry.figureRows]).size;
  }

  write(entry: Entry): void {
    this.entries.push(entry);
    this.cost += entry.cost;
    for (const row of entry.figureRows) this.figureRows.add(row);
    this.rows += 1;
  }

  skip(skip: ImportSkip): void {
    this.rows += 1;
    this.skipped += 1;
    if (skip.reason === 'duplicate' || skip.reason === 'email-in-use') this.duplicateCount += 1;
    if (this.skippedRows.length < MAX_LISTED) this.skippedRows.push(skip);
  }

  replay(): void {
    this.rows += 1;
    this.replayed += 1;
  }

  reject(errors: readonly ImportRowError[]): void {
    this.rows += 1;
    this.errors += 1;
    if (this.errorRows.length < MAX_LISTED) this.errorRows.push(...errors);
  }
}

type Settled = { ok: true; delta: TallyDelta } | { ok: false; error: unknown };

/** A row read and decided: an error, a skip, or a record to write (`ownId`: the file named our id). */
type Item =
  | Extract<RowRead, { type: 'invalid' | 'skip' }>
  | {
      readonly type: 'built';
      readonly row: number;
      readonly uses: readonly ValueUse[];
      readonly built: ImportedRecord;
      readonly ownId: boolean;
    };

/** A duplicate whose record's empty fields the row fills in. */
type Fill = {
  readonly row: number;
  readonly built: ImportedRecord;
  readonly existingId: Id;
  readonly uses: readonly ValueUse[];
};

/**
 * Reads rows in order through the mapping, decides each (record, duplicate, skip or error), packs
 * the writes into change sets that fit one transaction and commits a few at a time. A change set
 * that fails is retried row by row, so one bad row loses only itself; a lead whose email another
 * lead took meanwhile (another import, another person) is a duplicate, never a second lead.
 */
export class ImportRun {
  private tally: ImportTally;
  private segment = new Segment();
  private readonly inFlight: Promise<Settled>[] = [];
  private readonly earlier = emptyKeyIndex<number>();
  private failure: { error: unknown } | undefined;
  private readonly policy: DuplicatePolicy;

  constructor(
    private readonly deps: AppDeps,
    private readonly ws: WorkspaceId,
    private readonly workspace: Workspace,
    private readonly actor: UserId,
    private readonly header: readonly string[],
    private readonly mapping: ImportMapping,
    private readonly context: ImportContext,
    private readonly options: ImportRunOptions,
  ) {
    this.tally = options.resumeFrom ?? EMPTY_TALLY;
    this.policy = options.duplicates ?? 'skip';
  }

  async readAll(rows: AsyncIterator<readonly string[]>): Promise<ImportTally> {
    const skip = this.tally.processedRows;
    const signal = this.options.signal;
    let row = 1;
    let nonBlank = 0;
    let chunk: Exclude<RowRead, { type: 'blank' }>[] = [];
    while (!this.failure && !signal?.aborted) {
      const next = await rows.next();
      if (next.done) break;
      row += 1;
      const read = readImportRow(this.mapping, this.context.lookups, this.header, next.value, row);
      if (read.type === 'blank' || ++nonBlank <= skip) continue;
      chunk.push(read);
      if (chunk.length >= CHUNK) {
        await this.decide(chunk);
        chunk = [];
      }
    }
    if (!this.failure && !signal?.aborted) {
      await this.decide(chunk);
      await this.send();
    }
    while (this.inFlight.length > 0) await this.settleOldest();
    if (this.failure) throw this.failure.error;
    signal?.throwIfAborted();
    return this.tally;
  }

  /** Settles a chunk of rows in order; records named by our own id are looked up together first. */
  private async decide(reads: readonly Exclude<RowRead, { type: 'blank' }>[]): Promise<void> {
    const kind = this.mapping.kind;
    const now = this.deps.clock.now();
    const ctx = {
      workspaceId: this.ws,
      actor: this.actor,
      now,
      newId: () => this.deps.ids.newId(),
      settings: this.workspace.settings,
      defaultOwner: this.options.assignOwner ?? (() => this.actor),
    };
    const rowIds = this.options.rowIds;
    const items = reads.map((read): Item => {
      if (read.type !== 'record') return read;
      let n = 0;
      const built = buildImportedRecord(
        kind,
        read.row,
        read.values,
        read.imported,
        this.context.lookups,
        rowIds ? { ...ctx, newId: () => rowIds(read.row, n++) } : ctx,
      );
      return built.ok
        ? {
            type: 'built',
            row: read.row,
            uses: read.uses,
            built: built.value,
            ownId: read.values.id !== undefined,
          }
        : { type: 'invalid', row: read.row, uses: read.uses, errors: built.error };
    });
    const ownIds = items.flatMap((i) => (i.type === 'built' && i.ownId ? [i.built.record.id] : []));
    const stored = new Map<Id, Versioned<AnyRecord>>();
    for (const found of ownIds.length > 0 ? await this.deps.records.getMany(this.ws, kind, ownIds) : [])
      stored.set(found.record.id, found);

    const toFill: Fill[] = [];
    for (const item of items) {
      switch (item.type) {
        case 'invalid':
          await this.settleRow(item.uses, (s) => s.reject(item.errors));
          break;
        case 'skip':
          await this.settleRow(item.uses, (s) => s.skip(item.skip));
          break;
        case 'built': {
          const fill = await this.match(item, stored.has(item.built.record.id));
          if (fill) toFill.push(fill);
          break;
        }
        default: {
          const _exhaustive: never = item;
          throw new Error(`Unknown row ${JSON.stringify(_exhaustive)}`);
        }
      }
    }
    if (toFill.length > 0) await this.fill(toFill, stored, now);
  }

  /** A built row against what exists and what earlier rows brought: inserted, skipped, or to fill in. */
  private async match(item: Extract<Item, { type: 'built' }>, idExists: boolean): Promise<Fill | undefined> {
    const { row, built: record, uses } = item;
    const keys = duplicateKeys(record);
    const match = matchDuplicate(keys, idExists, this.context.existing, this.earlier);
    if (
      match &&
      'existingId' in match &&
      this.options.rowIds &&
      !item.ownId &&
      match.existingId === record.record.id
    ) {
      // This row's own record: an earlier run of the job committed it after its last saved progress.
      rememberKeys(this.earlier, keys, row);
      await this.settleRow(uses, (s) => s.replay());
      return undefined;
    }
    if (!match) {
      rememberKeys(this.earlier, keys, row);
      await this.insert(row, record, uses);
      return undefined;
    }
    const duplicate = duplicateSkip(row, match, keys);
    // A lead's email is unique in its workspace: "create anyway" cannot give a second lead one.
    const uniqueEmail = this.mapping.kind === 'lead' && match.matchedBy === 'email';
    if (this.policy === 'create' && uniqueEmail) {
      await this.settleRow(uses, (s) =>
        s.skip({
          ...duplicate,
          reason: 'email-in-use',
          message: 'Another lead has this email; a lead’s email is unique in its workspace.',
        }),
      );
      return undefined;
    }
    if (this.policy === 'create') {
      // Create anyway: a row that named an id of ours that exists gets a new one.
      const fresh = match.matchedBy === 'id' ? withNewId(record, this.deps.ids.newId()) : record;
      rememberKeys(this.earlier, keys, row);
      await this.insert(row, fresh, uses);
      return undefined;
    }
    if (this.policy === 'update' && 'existingId' in match)
      return { row, built: record, existingId: match.existingId, uses };
    await this.settleRow(uses, (s) => s.skip(duplicate));
    return undefined;
  }

  /** Update empty fields: the matched records are read with their versions, then filled in. */
  private async fill(
    rows: readonly Fill[],
    stored: Map<Id, Versioned<AnyRecord>>,
    now: string,
  ): Promise<void> {
    const kind = this.mapping.kind;
    const missing = rows.map((r) => r.existingId).filter((id) => !stored.has(id));
    for (const found of missing.length > 0 ? await this.deps.records.getMany(this.ws, kind, missing) : [])
      stored.set(found.record.id, found);
    for (const r of rows) {
      const current = stored.get(r.existingId);
      const filled = current
        ? fillEmptyFields(
            current.record,
            { ...r.built.record, id: current.record.id },
            { actor: this.actor, now },
          )
        : undefined;
      if (!current || !filled) {
        await this.settleRow(r.uses, (s) =>
          s.skip({
            row: r.row,
            reason: 'unchanged',
            message: current
              ? 'The matching record has every field this row has.'
              : 'The matching record is gone.',
            existingId: r.existingId,
          }),
        );
        continue;
      }
      const write: Write = {
        type: 'update',
        kind,
        record: filled,
        previous: current.record,
        expected: current.version,
      };
      stored.set(r.existingId, { record: filled, version: current.version });
      await this.add({ row: r.row, writes: [write], ...costOf(this.ws, [write]), change: 'updated' }, r.uses);
    }
  }

  private async insert(row: number, imported: ImportedRecord, uses: readonly ValueUse[]): Promise<void> {
    const writes: Write[] = [{ type: 'insert', kind: imported.kind, record: imported.record }];
    if (imported.kind === 'opportunity') writes.push({ type: 'stage-change', change: imported.stageChange });
    const email = 'email' in imported.record ? imported.record.email : undefined;
    await this.add({ row, writes, ...costOf(this.ws, writes), change: 'created', email }, uses);
  }

  private async add(entry: Entry, uses: readonly ValueUse[]): Promise<void> {
    const alone = entry.cost + entry.figureRows.length;
    if (alone > COMMIT_CAPACITY) throw new Error(`One row needs ${alone} table operations`);
    if (this.segment.operationsWith(entry) > COMMIT_CAPACITY) await this.send();
    this.segment.write(entry);
    this.segment.uses.push(...uses);
    if (this.segment.rows >= ROWS_PER_SEGMENT) await this.send();
  }

  private async settleRow(uses: readonly ValueUse[], settle: (segment: Segment) => void): Promise<void> {
    settle(this.segment);
    this.segment.uses.push(...uses);
    if (this.segment.rows >= ROWS_PER_SEGMENT) await this.send();
  }

  /** Sends the open segment; waits while the maximum of change sets is in flight. */
  private async send(): Promise<void> {
    const segment = this.segment;
    if (segment.rows === 0) return;
    this.segment = new Segment();
    this.inFlight.push(
      settle(segment, this.deps, this.ws).then(
        (delta): Settled => ({ ok: true, delta }),
        (error: unknown): Settled => ({ ok: false, error }),
      ),
    );
    while (this.inFlight.length >= (this.options.concurrency ?? IMPORT_CONCURRENCY))
      await this.settleOldest();
  }

  /** Segments are tallied in row order, so `processedRows` never covers a row still in flight. */
  private async settleOldest(): Promise<void> {
    const settled = await this.inFlight.shift();
    if (!settled || this.failure) return;
    if (!settled.ok) {
      this.failure = { error: settled.error };
      return;
    }
    this.tally = addToTally(this.tally, settled.delta);
    try {
      await this.options.onProgress?.(this.tally);
    } catch (error) {
      this.failure = { error };
    }
  }
}

const withNewId = (imported: ImportedRecord, id: Id): ImportedRecord =>
  imported.kind === 'opportunity'
    ? {
        ...imported,
        record: { ...imported.record, id },
        stageChange: { ...imported.stageChange, opportunityId: id },
      }
    : ({ ...imported, record: { ...imported.record, id } } as ImportedRecord);

/** The transaction operations a row's writes take (storage's row plan). */
/** A row's partition rows and the figure rows it counts in (the maintained reports). */
const costOf = (ws: WorkspaceId, writes: readonly Write[]): Pick<Entry, 'cost' | 'figureRows'> => {
  const plan = planCommit(ws, { writes, events: [] });
  return { cost: plan.partition.length, figureRows: [...plan.figures.keys()] };
};

async function settle(segment: Segment, deps: AppDeps, ws: WorkspaceId): Promise<TallyDelta> {
  const saved = await saveEntries(deps, ws, segment.entries);
  return {
    rows: segment.rows,
    created: segment.replayed + saved.created,
    updated: saved.updated,
    skipped: segment.skipped + saved.skippedRows.length,
    duplicateCount: segment.duplicateCount + saved.skippedRows.length,
    errors: segment.errors + saved.errorRows.length,
    skippedRows: [...segment.skippedRows, ...saved.skippedRows].sort((a, b) => a.row - b.row),
    errorRows: [...segment.errorRows, ...saved.errorRows].sort((a, b) => a.row - b.row),
    uses: segment.uses,
  };
}

type Attempt = { ok: true } | { ok: false; code?: string; thrown?: unknown };

/** How often a row that failed alone is tried again, and how long between tries (0.075, 0.15, 0.3 s: a few rows, no jitter needed). */
const ROW_RETRIES = 3;
const ROW_BACKOFF: BackoffPolicy = { baseMs: 100, capMs: 1_000 };

async function attempt(deps: AppDeps, ws: WorkspaceId, entries: readonly Entry[]): Promise<Attempt> {
  try {
    const receipt = await deps.records.commit(ws, { writes: entries.flatMap((e) => e.writes), events: [] });
    return receipt.ok ? { ok: true } : { ok: false, code: receipt.error.code };
  } catch (thrown) {
    return { ok: false, thrown };
  }
}

/**
 * One change set; if it fails, each row alone. A lead refused because its email is another lead's
 * (LEAD.EMAIL_IN_USE: another import or person took it since this one read the emails) is
 * skipped as email-in-use. Another row whose own commit fails is a row error, unless it was written after all (a
 * reply lost on the way). When every row fails by throwing, the rows are not the problem (storage
 * is): that is thrown.
 */
async function saveEntries(
  deps: AppDeps,
  ws: WorkspaceId,
  entries: readonly Entry[],
): Promise<{ created: number; updated: number; skippedRows: ImportSkip[]; errorRows: ImportRowError[] }> {
  const result = {
    created: 0,
    updated: 0,
    skippedRows: [] as ImportSkip[],
    errorRows: [] as ImportRowError[],
  };
  if (entries.length === 0) return result;
  const count = (entry: Entry) =>
    entry.change === 'created' ? (result.created += 1) : (result.updated += 1);
  const whole = await attempt(deps, ws, entries);
  if (whole.ok) {
    for (const entry of entries) count(entry);
    return result;
  }
  const alone =
    entries.length === 1 ? [whole] : await sequentially(entries, (entry) => attempt(deps, ws, [entry]));
  const thrown = alone.map((a) => (a.ok ? undefined : a.thrown)).filter((t) => t !== undefined);
  if (thrown.length === entries.length) throw thrown[0];
  // Some rows failed alone while others went in: storage works, so a failure may be passing (a
  // timeout of a busy store, another worker's write to a shared index row). Each is tried again a
  // few times before it is reported; an email another lead took meanwhile is final.
  for (const [i, entry] of entries.entries()) {
    for (let retry = 1; retry <= ROW_RETRIES; retry++) {
      const outcome = alone[i];
      if (!outcome || outcome.ok || outcome.code === 'LEAD.EMAIL_IN_USE') break;
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(retry, 0.5, ROW_BACKOFF)));
      alone[i] = await attempt(deps, ws, [entry]);
    }
  }
  for (const [i, entry] of entries.entries()) {
    const outcome = alone[i];
    if (outcome?.ok) {
      count(entry);
      continue;
    }
    const first = entry.writes[0];
    // Its record is there under its own id: the commit went through after all (a reply lost on the
    // way), or an earlier run of the job wrote it (its row's ids are the same on every run).
    const written =
      entry.change === 'created' && first && first.type === 'insert'
        ? await deps.records.get(ws, first.kind, first.record.id)
        : undefined;
    if (written) {
      count(entry);
      continue;
    }
    if (outcome?.code === 'LEAD.EMAIL_IN_USE') {
      result.skippedRows.push({
        row: entry.row,
        reason: 'email-in-use',
        matchedBy: 'email',
        message:
          'Another lead has this email (written meanwhile); a lead’s email is unique in its workspace.',
        ...(entry.email ? { email: entry.email } : {}),
      });
      continue;
    }
    result.errorRows.push({
      row: entry.row,
      field: '(row)',
      code: 'not-saved',
      message: 'The row could not be saved; try it again.',
    });
  }
  return result;
}

async function sequentially<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await fn(item));
  return results;
}
