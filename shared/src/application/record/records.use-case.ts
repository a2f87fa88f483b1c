import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import { ACTIVITY_TYPES } from '../../activity/activity';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from '../../campaign/campaign';
import { CONTACT_RELATIONSHIPS } from '../../contact/contact';
import { LEAD_SOURCES, LEAD_STATUSES } from '../../lead/lead';
import { FORECAST_CATEGORIES } from '../../opportunity/stage';
import { ORGANISATION_STATUSES } from '../../organisation/organisation';
import type { Workspace } from '../../workspace/workspace';
import { accessWorkspace } from '../access';
import { decodeCursor } from '../../records/cursor';
import type { AppDeps, Caller } from '../deps';
import type { DeletedRecord, ListQuery } from '../ports';
import type { Page, Version, Versioned } from '../../records/versions';
import {
  RANGE_FILTERS,
  recordFilterNames,
  type RecordFilter,
  type RecordKind,
  type RecordOf,
} from '../../records/records';
import { instantSchema } from '../../common/schemas';
import { commitFollowed, loadForChange, loadRecord, notFound, stale } from './record-commands';
import { isSortCursor, decodeSortCursor, parseSort, type ListSort } from '../../records/record-sort';

export const LIST_LIMIT = { min: 1, max: 1000, default: 50 } as const;
/** Deleted records stay restorable this long, then `purgeExpired` removes them. */
export const RECYCLE_DAYS = 30;

export async function getRecord<K extends RecordKind>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  kind: K,
  id: Id,
): Promise<Result<Versioned<RecordOf[K]>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  return loadRecord(deps, ws, kind, id);
}

export type ListParams = {
  readonly limit?: number;
  readonly cursor?: string;
  readonly q?: string;
  readonly filters?: Readonly<Record<string, string | undefined>>;
  /** `<field>` or `-<field>` (descending), one of the kind's RECORD_SORTS. */
  readonly sort?: string;
};

/** Filters over enumerations accept only the enumeration's ids: a typo is a 400, not an empty list. */
const FILTER_VALUES: { [K in RecordKind]?: Partial<Record<RecordFilter<K>, readonly string[]>> } = {
  lead: { status: LEAD_STATUSES, source: LEAD_SOURCES },
  organisation: { status: ORGANISATION_STATUSES },
  contact: { relationship: CONTACT_RELATIONSHIPS },
  opportunity: { forecastCategory: FORECAST_CATEGORIES },
  campaign: { status: CAMPAIGN_STATUSES, type: CAMPAIGN_TYPES },
  activity: { type: ACTIVITY_TYPES, completed: ['true', 'false'] },
};

export async function listRecords<K extends RecordKind>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  kind: K,
  params: ListParams,
): Promise<Result<Page<Versioned<RecordOf[K]>>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const query = toListQuery(kind, params);
  if (!query.ok) return query;
  const stage = (query.value.filters as Record<string, string | undefined> | undefined)?.stage;
  if (kind === 'opportunity' && stage !== undefined) {
    const stages = access.value.workspace.record.settings.stages.map((s) => s.id);
    if (!stages.includes(stage)) return invalidFilter('stage', stages);
  }
  return listPage(deps, ws, kind, query.value, access.value.workspace.record);
}

/** One page of a checked query: in key order, or sorted (stages in the workspace's own order). */
export async function listPage<K extends RecordKind>(
  deps: AppDeps,
  ws: WorkspaceId,
  kind: K,
  query: ListQuery<K>,
  workspace: Workspace,
): Promise<Result<Page<Versioned<RecordOf[K]>>>> {
  const { sort, ...rest } = query;
  if (!sort) return ok(await deps.records.list(ws, kind, query));
  const ranks = workspace.settings.stages.map((s) => s.id);
  return deps.records.listSorted(ws, kind, {
    ...rest,
    sort: kind === 'opportunity' ? { ...sort, ranks } : sort,
  });
}

/** Checks paging and filter parameters once, for every transport. */
export function toListQuery<K extends RecordKind>(kind: K, params: ListParams): Result<ListQuery<K>> {
  const limit = params.limit ?? LIST_LIMIT.default;
  if (!Number.isInteger(limit) || limit < LIST_LIMIT.min || limit > LIST_LIMIT.max) {
    return err(
      domainError('VALIDATION.FAILED', 'limit must be a whole number from 1 to 1000.', {
        fields: { limit: 'must be a whole number from 1 to 1000' },
      }),
    );
  }
  const allowed = recordFilterNames(kind);
  const filters: Record<string, string> = {};
  for (const [name, given] of Object.entries(params.filters ?? {})) {
    if (given === undefined) continue;
    let value = given;
    if (!allowed.includes(name)) {
      return err(
        domainError('VALIDATION.FAILED', `${kind} lists cannot be filtered by ${name}.`, {
          fields: { [name]: `unknown filter; use one of ${allowed.join(', ')}` },
        }),
      );
    }
    const values = (FILTER_VALUES[kind] as Record<string, readonly string[] | undefined> | undefined)?.[name];
    if (values && !values.includes(value)) return invalidFilter(name, values);
    if (name in RANGE_FILTERS) {
      // Compared with the stored UTC instants: any offset is accepted and turned into UTC.
      const instant = instantSchema.safeParse(value);
      if (!instant.success) {
        return err(
          domainError('VALIDATION.FAILED', `${name} must be an ISO 8601 instant with an offset.`, {
            fields: { [name]: 'an ISO 8601 instant, e.g. 2026-03-02T00:00:00Z' },
          }),
        );
      }
      value = instant.data;
    }
    if (value.length === 0 || value.length > 200) {
      return err(
        domainError('VALIDATION.FAILED', `Filter ${name} is empty or too long.`, {
          fields: { [name]: 'invalid' },
        }),
      );
    }
    filters[name] = value;
  }
  const sort = params.sort === undefined ? ok(undefined) : parseSort(kind, params.sort);
  if (!sort.ok) return sort;
  const cursor = checkCursor(params.cursor, sort.value);
  if (!cursor.ok) return cursor;
  const q = params.q?.trim();
  if (q !== undefined && q.length > 200) {
    return err(
      domainError('VALIDATION.FAILED', 'The search text is too long.', {
        fields: { q: 'at most 200 characters' },
      }),
    );
  }
  if (q && sort.value) {
    return err(
      domainError('LIST.SORT_WITH_SEARCH', 'Search results cannot be sorted; search, or filter and sort.', {
        fields: { sort: 'not with q' },
      }),
    );
  }
  return ok({
    limit,
    ...(params.cursor ? { cursor: params.cursor } : {}),
    ...(q ? { q } : {}),
    filters: filters as ListQuery<K>['filters'],
    ...(sort.value ? { sort: sort.value } : {}),
  });
}

const invalidFilter = (name: string, values: readonly string[]): Result<never> =>
  err(
    domainError('VALIDATION.FAILED', `${name} must be one of ${values.join(', ')}.`, {
      fields: { [name]: `one of ${values.join(', ')}` },
    }),
  );

/**
 * A cursor we did not issue would silently restart the list (and loop a client forever); one of
 * another sort (or of an unsorted list) would continue from the wrong place.
 */
function checkCursor(cursor: string | undefined, sort: ListSort | undefined): Result<void> {
  if (cursor === undefined || cursor === '') return ok(undefined);
  const fits = sort ? decodeSortCursor(sort, cursor) !== undefined : !isSortCursor(cursor);
  if (fits && decodeCursor(cursor) !== undefined) return ok(undefined);
  return err(
    domainError('VALIDATION.FAILED', 'The cursor is not one this list issued; start again without it.', {
      fields: { cursor: 'invalid' },
    }),
  );
}

/** Soft delete: the record reads as not found and waits in the recycle bin for RECYCLE_DAYS. */
export async function deleteRecord<K extends RecordKind>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  kind: K,
  id: Id,
  expected: Version | undefined,
  guard?: (record: RecordOf[K]) => Promise<Result<void>>,
): Promise<Result<void>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const current = await loadForChange(deps, ws, kind, id, expected);
  if (!current.ok) return current;
  if (guard) {
    const allowed = await guard(current.value.record);
    if (!allowed.ok) return allowed;
  }
  const { record, version } = current.value;
  const deleted = await commitFollowed(
    deps,
    ws,
    kind,
    record,
    {
      writes: [
        {
          type: 'delete',
          kind,
          record,
          expected: version,
          deletedAt: deps.clock.now(),
          deletedBy: caller.actor.userId,
        },
      ],
    },
    { before: record, unchanged: async () => (await deps.records.get(ws, kind, id))?.version === version },
  );
  return deleted.ok ? ok(undefined) : deleted;
}

export async function restoreRecord<K extends RecordKind>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  kind: K,
  id: Id,
): Promise<Result<Versioned<RecordOf[K]>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const deleted = await deps.records.getDeleted(ws, kind, id);
  if (!deleted) {
    const live = await deps.records.get(ws, kind, id);
    return err(
      live ? domainError('RECORD.NOT_DELETED', `This ${kind} is not in the recycle bin.`) : notFound(kind),
    );
  }
  const record = deleted.record as RecordOf[K];
  const result = await commitFollowed(
    deps,
    ws,
    kind,
    record,
    { writes: [{ type: 'restore', kind, record, expected: deleted.version }] },
    {
      after: record,
      unchanged: async () => (await deps.records.getDeleted(ws, kind, id))?.version === deleted.version,
    },
  );
  return !result.ok && result.error.code === 'CONCURRENCY.STALE' ? err(stale(kind)) : result;
}

export async function listRecycleBin(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  params: { limit?: number; cursor?: string },
): Promise<Result<Page<DeletedRecord>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const limit = params.limit ?? LIST_LIMIT.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT.max) {
    return err(
      domainError('VALIDATION.FAILED', 'limit must be 1–1000.', { fields: { limit: 'must be 1–1000' } }),
    );
  }
  return ok(
    await deps.records.recycleBin(ws, { limit, ...(params.cursor ? { cursor: params.cursor } : {}) }),
  );
}

/** Empties one record out of the recycle bin for good; owners only, as nothing brings it back. */
export async function purgeRecord(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  kind: RecordKind,
  id: Id,
): Promise<Result<void>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'manage');
  if (!access.ok) return access;
  if (await deps.records.purgeRecord(ws, kind, id)) return ok(undefined);
  const live = await deps.records.get(ws, kind, id);
  return err(
    live ? domainError('RECORD.NOT_DELETED', `This ${kind} is not in the recycle bin.`) : notFound(kind),
  );
}

/** Purges what has been in the bin longer than RECYCLE_DAYS; run by a timer in the server. */
export async function purgeExpired(deps: AppDeps, ws: WorkspaceId): Promise<number> {
  const cutoff = new Date(Date.parse(deps.clock.now()) - RECYCLE_DAYS * 86_400_000).toISOString();
  return deps.records.purgeDeleted(ws, cutoff);
}
