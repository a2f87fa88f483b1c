import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Id, UserId, WorkspaceId } from '../../common/types';
import {
  addToTally,
  decideLeadCreation,
  EMPTY_TALLY,
  indexCampaigns,
  MAX_LISTED,
  readImportHeader,
  readImportRow,
  type CampaignIndex,
  type ImportDuplicate,
  type ImportHeader,
  type ImportRowError,
  type ImportTally,
  type TallyDelta,
} from '../../lead';
import type { Lead } from '../../lead/lead';
import { accessWorkspace } from '../access';
import { COMMIT_CAPACITY, insertCost } from '../../records/row-plan';
import type { AppDeps, Caller } from '../deps';
import { normaliseEmail } from '../../records/record-search';
import { leadOwnerRotation, type LeadOwnerRotation } from './lead-owners';

export type ImportResult = ImportTally & {
  /** Non-blank data rows in the file: created + duplicateCount + errorCount. */
  readonly total: number;
  readonly ignoredColumns: readonly string[];
};

export type ImportLeadsOptions = {
  /** Continues an interrupted import: skips its processed rows and counts on from its tally. */
  readonly resumeFrom?: ImportTally;
  /** Called, in row order, whenever another stretch of rows is settled (created, duplicate or rejected). */
  readonly onProgress?: (tally: ImportTally) => Promise<void> | void;
  /** Stops reading: batches in flight finish and are reported, then the signal's reason is thrown. */
  readonly signal?: AbortSignal;
  /** Change sets committed at the same time. */
  readonly concurrency?: number;
};

/**
 * Change sets in flight. A workspace is one partition, which Azure serves at about 2,000 rows/s: two
 * transactions of ~100 rows at typical latency reach that, more only invite throttling (and on
 * Azurite, 6 in flight took twice as long as 2). Search-index rows go to other partitions beside it.
 */
export const IMPORT_CONCURRENCY = 2;
/** A stretch of rejected or duplicate rows is reported at least this often, even when nothing is written. */
const ROWS_PER_SEGMENT = 500;

/**
 * Imports leads from CSV records (the header first). Rows are read in order and checked by the pure
 * rules; new leads are packed into change sets that fit one transaction and committed a few at a
 * time. Emails already used by a lead, or by an earlier row, are reported, never written twice. A
 * change set that fails is retried row by row, so one bad row loses only itself.
 */
export async function importLeads(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  rows: AsyncIterable<readonly string[]>,
  options: ImportLeadsOptions = {},
): Promise<Result<ImportResult>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const iterator = rows[Symbol.asyncIterator]();
  try {
    const first = await iterator.next();
    if (first.done) {
      return err(domainError('IMPORT.EMPTY_FILE', 'The file is empty; its first row must name the columns.'));
    }
    const header = readImportHeader(first.value);
    if (!header.ok) return header;
    const [existing, campaigns, rotation] = await Promise.all([
      leadEmails(deps, ws),
      campaignIndex(deps, ws),
      leadOwnerRotation(deps, access.value.workspace.record, caller.actor.userId),
    ]);
    const run = new ImportRun(
      deps,
      ws,
      caller.actor.userId,
      header.value,
      campaigns,
      existing,
      options,
      rotation,
    );
    const tally = await run.readAll(iterator);
    await rotation?.finish();
    return ok({ ...tally, total: tally.processedRows, ignoredColumns: header.value.ignored });
  } finally {
    await iterator.return?.();
  }
}

async function leadEmails(deps: AppDeps, ws: WorkspaceId): Promise<Map<string, Id>> {
  const emails = new Map<string, Id>();
  for await (const entry of deps.records.listEmails(ws, 'lead'))
    if (!emails.has(entry.email)) emails.set(entry.email, entry.id);
  return emails;
}

async function campaignIndex(deps: AppDeps, ws: WorkspaceId): Promise<CampaignIndex> {
  const campaigns: { id: Id; name: string }[] = [];
  for await (const { record } of deps.records.scan(ws, 'campaign'))
    campaigns.push({ id: record.id, name: record.name });
  return indexCampaigns(campaigns);
}

type NewLead = { readonly row: number; readonly lead: Lead };

/** Rows read since the last change set was sent, with what they already settled (duplicates, rejects). */
class Segment {
  readonly leads: NewLead[] = [];
  readonly duplicates: ImportDuplicate[] = [];
  readonly errors: ImportRowError[] = [];
  cost = 0;
  rows = 0;
  duplicateCount = 0;
  errorCount = 0;

  add(newLead: NewLead, cost: number): void {
    this.leads.push(newLead);
    this.cost += cost;
    this.rows += 1;
  }

  duplicate(duplicate: ImportDuplicate): void {
    this.rows += 1;
    this.duplicateCount += 1;
    if (this.duplicates.length < MAX_LISTED) this.duplicates.push(duplicate);
  }

  reject(errors: readonly ImportRowError[]): void {
    this.rows += 1;
    this.errorCount += 1;
    if (this.errors.length < MAX_LISTED) this.errors.push(...errors);
  }
}

type Settled = { ok: true; delta: TallyDelta } | { ok: false; error: unknown };

class ImportRun {
  private tally: ImportTally;
  private segment = new Segment();
  private readonly inFlight: Promise<Settled>[] = [];
  private readonly firstRowOf = new Map<string, number>();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly deps: AppDeps,
    private readonly ws: WorkspaceId,
    private readonly actor: UserId,
    private readonly header: ImportHeader,
    private readonly campaigns: CampaignIndex,
    private readonly existing: ReadonlyMap<string, Id>,
    private readonly options: ImportLeadsOptions,
    /** The round-robin of owners, when the workspace has one on. */
    private readonly rotation?: LeadOwnerRotation,
  ) {
    this.tally = options.resumeFrom ?? EMPTY_TALLY;
  }

  async readAll(rows: AsyncIterator<readonly string[]>): Promise<ImportTally> {
    const skip = this.tally.processedRows;
    const signal = this.options.signal;
    let row = 1;
    let nonBlank = 0;
    while (!this.failure && !signal?.aborted) {
      const next = await rows.next();
      if (next.done) {
        await this.send();
        break;
      }
      row += 1;
      const outcome = readImportRow(this.header, next.value, row, this.campaigns);
      if (outcome.type === 'blank' || ++nonBlank <= skip) continue;
      if (outcome.type === 'invalid') this.segment.reject(outcome.errors);
      else await this.accept(row, outcome.input);
      if (this.segment.rows >= ROWS_PER_SEGMENT) await this.send();
    }
    while (this.inFlight.length > 0) await this.settleOldest();
    if (this.failure) throw this.failure.error;
    signal?.throwIfAborted();
    return this.tally;
  }

  private async accept(row: number, given: Parameters<typeof decideLeadCreation>[0]): Promise<void> {
    const email = given.email ? normaliseEmail(given.email) : undefined;
    const existingLeadId = email ? this.existing.get(email) : undefined;
    const duplicateOfRow = email ? this.firstRowOf.get(email) : undefined;
    if (email && existingLeadId) return this.segment.duplicate({ row, email, existingLeadId });
    if (email && duplicateOfRow) return this.segment.duplicate({ row, email, duplicateOfRow });
    if (email) this.firstRowOf.set(email, row);
    const input =
      given.ownerId === undefined && this.rotation ? { ...given, ownerId: this.rotation.next() } : given;
    const created = decideLeadCreation(input, {
      id: this.deps.ids.newId(),
      workspaceId: this.ws,
      actor: this.actor,
      now: this.deps.clock.now(),
    });
    if (!created.ok)
      return this.segment.reject([{ row, field: '(row)', code: 'invalid', message: created.error.message }]);
    const cost = insertCost('lead', created.value);
    if (cost > COMMIT_CAPACITY) throw new Error(`One lead needs ${cost} table operations`);
    if (this.segment.cost + cost > COMMIT_CAPACITY) await this.send();
    this.segment.add({ row, lead: created.value }, cost);
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

async function settle(segment: Segment, deps: AppDeps, ws: WorkspaceId): Promise<TallyDelta> {
  const saved = await saveLeads(deps, ws, segment.leads);
  const errors = [...segment.errors, ...saved.errors].sort((a, b) => a.row - b.row);
  return {
    rows: segment.rows,
    created: saved.created,
    duplicateCount: segment.duplicateCount,
    errorCount: segment.errorCount + saved.errors.length,
    duplicates: segment.duplicates,
    errors,
  };
}

type Attempt = { ok: true } | { ok: false; thrown?: unknown };

async function attempt(deps: AppDeps, ws: WorkspaceId, leads: readonly NewLead[]): Promise<Attempt> {
  try {
    const writes = leads.map(({ lead }) => ({ type: 'insert', kind: 'lead', record: lead }) as const);
    const receipt = await deps.records.commit(ws, { writes, events: [] });
    return receipt.ok ? { ok: true } : { ok: false };
  } catch (thrown) {
    return { ok: false, thrown };
  }
}

/**
 * One change set; if it fails, each lead alone. A lead whose own commit fails is a row error, unless
 * it was written after all (a reply lost on the way). When every lead fails by throwing, the rows are
 * not the problem (storage is): that is thrown.
 */
async function saveLeads(
  deps: AppDeps,
  ws: WorkspaceId,
  leads: readonly NewLead[],
): Promise<{ created: number; errors: ImportRowError[] }> {
  if (leads.length === 0) return { created: 0, errors: [] };
  const whole = await attempt(deps, ws, leads);
  if (whole.ok) return { created: leads.length, errors: [] };
  const alone = leads.length === 1 ? [whole] : await sequentially(leads, (lead) => attempt(deps, ws, [lead]));
  const thrown = alone.map((a) => (a.ok ? undefined : a.thrown)).filter((t) => t !== undefined);
  if (thrown.length === leads.length) throw thrown[0];
  let created = 0;
  const errors: ImportRowError[] = [];
  for (const [i, { row, lead }] of leads.entries()) {
    if (alone[i]?.ok || (await deps.records.get(ws, 'lead', lead.id))) created += 1;
    else
      errors.push({
        row,
        field: '(row)',
        code: 'not-saved',
        message: 'The row could not be saved; try it again.',
      });
  }
  return { created, errors };
}

async function sequentially<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await fn(item));
  return results;
}
