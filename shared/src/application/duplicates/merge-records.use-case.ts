import * as z from 'zod';
import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import { parseInput } from '../../common/validation';
import {
  decideContactMerge,
  decideOrganisationMerge,
  type Merge,
  type MergeLinks,
} from '../../duplicates/merge-records';
import type { Write } from '../../records/change-set';
import type { RecordKind, RecordOf } from '../../records/records';
import { COMMIT_CAPACITY, commitOperationCount } from '../../records/row-plan';
import type { Page, Version, Versioned } from '../../records/versions';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import { loadForChange, updateWrite, versionFrom } from '../record/record-commands';

export const MERGEABLE = ['organisation', 'contact'] as const;
export type Mergeable = (typeof MERGEABLE)[number];

const side = z.strictObject({
  id: z.string().min(1).max(256),
  /** The version the client read (If-Match); without one the merge is refused. */
  version: z.string().optional(),
});
export const MergeInputSchema = z.strictObject({ survivor: side, loser: side });

/** How many records of each kind now point at the survivor instead of the loser. */
export type MergeCounts = {
  readonly contacts: number;
  readonly opportunities: number;
  readonly activities: number;
  readonly leads: number;
};

export type Merged<K extends Mergeable> = {
  readonly survivor: Versioned<RecordOf[K]>;
  readonly moved: MergeCounts;
};

/** The loser's links, read again on a retry; more than a transaction holds is refused anyway. */
const ATTEMPTS = 3;

/**
 * Merges two organisations or two contacts, both named with the version the client read: the
 * survivor keeps its values and fills its empty fields from the loser (as conversion does), every
 * record that points at the loser (an organisation's contacts and deals, a contact's deals as primary
 * contact, the activities about it, converted leads) is moved to the survivor, and the loser goes to
 * the recycle bin, ALL IN ONE COMMIT: the survivor and the loser are written with the versions the
 * client sent, and every moved record with the version read, so a change to any of them meanwhile
 * fails the whole merge. A race lost on a moved record only (the survivor and loser unchanged) is
 * retried on fresh reads; a merge that needs more rows than one transaction holds is refused with
 * MERGE.TOO_LARGE (nothing written), never split.
 */
export async function mergeRecords<K extends Mergeable>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  kind: K,
  input: unknown,
): Promise<Result<Merged<K>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const parsed = parseInput(MergeInputSchema, input);
  if (!parsed.ok) return parsed;
  const { survivor, loser } = parsed.value;
  if (survivor.id === loser.id) {
    return err(
      domainError('MERGE.SAME_RECORD', 'A record cannot be merged with itself.', {
        fields: { loser: 'the same record as the survivor' },
      }),
    );
  }
  for (let attempt = 1; ; attempt++) {
    const result = await attemptMerge(deps, caller, ws, kind, {
      survivor: { id: survivor.id, version: survivor.version as Version | undefined },
      loser: { id: loser.id, version: loser.version as Version | undefined },
    });
    if (result.ok || result.error.code !== 'CONCURRENCY.STALE' || attempt >= ATTEMPTS) return result;
    // Stale: retry only when the two records are still as the client read them.
    const [s, l] = await Promise.all([
      deps.records.get(ws, kind, survivor.id),
      deps.records.get(ws, kind, loser.id),
    ]);
    if (s?.version !== survivor.version || l?.version !== loser.version) return result;
  }
}

type Side = { readonly id: Id; readonly version: Version | undefined };

async function attemptMerge<K extends Mergeable>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  kind: K,
  asked: { readonly survivor: Side; readonly loser: Side },
): Promise<Result<Merged<K>>> {
  const survivor = await loadForChange(deps, ws, kind, asked.survivor.id, asked.survivor.version);
  if (!survivor.ok) return survivor;
  const loser = await loadForChange(deps, ws, kind, asked.loser.id, asked.loser.version);
  if (!loser.ok) return loser;
  const links = await readLinks(deps, ws, kind, loser.value.record);
  const ctx = { actor: caller.actor.userId, now: deps.clock.now() };
  const decided = (
    kind === 'organisation'
      ? decideOrganisationMerge(
          survivor.value.record as RecordOf['organisation'],
          loser.value.record as RecordOf['organisation'],
          plain(links),
          ctx,
        )
      : decideContactMerge(
          survivor.value.record as RecordOf['contact'],
          loser.value.record as RecordOf['contact'],
          plain(links),
          ctx,
        )
  ) as Result<Merge<RecordOf[K]>>;
  if (!decided.ok) return decided;
  const merge = decided.value;

  const writes: Write[] = [
    updateWrite(kind, survivor.value, merge.survivor),
    {
      type: 'delete',
      kind,
      record: loser.value.record,
      expected: loser.value.version,
      deletedAt: ctx.now,
      deletedBy: ctx.actor,
    },
    ...moves('contact', links.contacts, merge.moved.contacts),
    ...moves('opportunity', links.opportunities, merge.moved.opportunities),
    ...moves('activity', links.activities, merge.moved.activities),
    ...moves('lead', links.leads, merge.moved.leads),
  ];
  const changes = { writes, events: [] };
  const rows = commitOperationCount(ws, changes);
  if (links.truncated || rows > COMMIT_CAPACITY) {
    return err(
      domainError(
        'MERGE.TOO_LARGE',
        `Moving the links of this ${kind} takes more than the ${COMMIT_CAPACITY} rows one transaction holds.`,
        { details: { rows: links.truncated ? `more than ${COMMIT_CAPACITY}` : rows, max: COMMIT_CAPACITY } },
      ),
    );
  }
  const receipt = await deps.records.commit(ws, changes);
  if (!receipt.ok) return receipt;
  return ok({
    survivor: { record: merge.survivor, version: versionFrom(receipt.value, kind, merge.survivor.id) },
    moved: {
      contacts: links.contacts.length,
      opportunities: links.opportunities.length,
      activities: links.activities.length,
      leads: links.leads.length,
    },
  });
}

type VersionedLinks = {
  readonly contacts: readonly Versioned<RecordOf['contact']>[];
  readonly opportunities: readonly Versioned<RecordOf['opportunity']>[];
  readonly activities: readonly Versioned<RecordOf['activity']>[];
  readonly leads: readonly Versioned<RecordOf['lead']>[];
  /** More links than one transaction could move: not all were read. */
  readonly truncated: boolean;
};

const plain = (links: VersionedLinks): MergeLinks => ({
  contacts: links.contacts.map((v) => v.record),
  opportunities: links.opportunities.map((v) => v.record),
  activities: links.activities.map((v) => v.record),
  leads: links.leads.map((v) => v.record),
});

function moves<L extends RecordKind>(
  kind: L,
  read: readonly Versioned<RecordOf[L]>[],
  moved: readonly RecordOf[L][],
): Write[] {
  return read.map((current, i) => updateWrite(kind, current, moved[i]!));
}

/** Every page of a list, up to `cap` items (then `truncated`). */
async function upTo<T>(
  cap: number,
  page: (cursor: string | undefined, limit: number) => Promise<Page<T>>,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor, Math.min(1000, cap + 1 - items.length));
    items.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor && items.length <= cap);
  return { items: items.slice(0, cap), truncated: items.length > cap };
}

/**
 * What points at the loser, each with the version read. Found by key ranges and filters, never a
 * scan: an organisation's contacts, deals and converted leads by their filter columns; a contact's
 * deals among its organisation's (a primary contact works at the deal's organisation); activities by
 * their regarding rows. Each link costs at least one row, so reading stops past COMMIT_CAPACITY.
 */
async function readLinks(
  deps: AppDeps,
  ws: WorkspaceId,
  kind: Mergeable,
  loser: RecordOf[Mergeable],
): Promise<VersionedLinks> {
  const cap = COMMIT_CAPACITY;
  const activities = upTo(cap, (cursor, limit) =>
    deps.records.listActivities(ws, {
      limit,
      ...(cursor ? { cursor } : {}),
      regarding: [{ type: kind, id: loser.id }],
    }),
  );
  const leads = upTo(cap, (cursor, limit) =>
    deps.records.list(ws, 'lead', {
      limit,
      ...(cursor ? { cursor } : {}),
      filters:
        kind === 'organisation' ? { convertedOrganisationId: loser.id } : { convertedContactId: loser.id },
    }),
  );
  const organisationId = kind === 'organisation' ? loser.id : (loser as RecordOf['contact']).organisationId;
  const opportunities = upTo(kind === 'organisation' ? cap : Number.MAX_SAFE_INTEGER, (cursor, limit) =>
    deps.records.list(ws, 'opportunity', {
      limit,
      ...(cursor ? { cursor } : {}),
      filters: { organisationId },
    }),
  );
  const contacts =
    kind === 'organisation'
      ? upTo(cap, (cursor, limit) =>
          deps.records.list(ws, 'contact', {
            limit,
            ...(cursor ? { cursor } : {}),
            filters: { organisationId: loser.id },
          }),
        )
      : Promise.resolve({ items: [], truncated: false });
  const [a, l, o, c] = await Promise.all([activities, leads, opportunities, contacts]);
  const deals =
    kind === 'organisation' ? o.items : o.items.filter((d) => d.record.primaryContactId === loser.id);
  return {
    contacts: c.items,
    opportunities: deals,
    activities: a.items,
    leads: l.items,
    truncated: a.truncated || l.truncated || c.truncated || (kind === 'organisation' && o.truncated),
  };
}
