import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { WorkspaceId } from '../../common/types';
import { OPEN_LEAD_STATUSES, type Lead } from '../../lead/lead';
import type { Opportunity } from '../../opportunity/opportunity';
import { openStages } from '../../opportunity/stages';
import { accessWorkspace } from '../access';
import { decodeCursor, encodeCursor } from '../../records/cursor';
import type { AppDeps, Caller } from '../deps';
import type { ListQuery } from '../ports';
import type { Page, Versioned } from '../../records/versions';
import type { RecordKind, RecordOf } from '../../records/records';
import type { Workspace } from '../../workspace/workspace';
import { toListQuery } from './records.use-case';

export type OpenListParams = { readonly limit?: number; readonly cursor?: string };

/**
 * The open leads (still being worked, so convertible), most recently touched first. Storage has no
 * index by update time, so every open lead is read (by status) and the sorted list is paged with a
 * cursor: a big workspace is never silently cut short.
 */
export function listOpenLeads(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  params: OpenListParams,
): Promise<Result<Page<Versioned<Lead>>>> {
  return openPage(deps, caller, ws, params, {
    read: () => readEvery(deps, ws, 'lead', 'status', OPEN_LEAD_STATUSES),
    key: (lead) => [lead.record.updatedAt, lead.record.id],
    order: 'desc',
  });
}

/**
 * The deals in the workspace's open stages, soonest close date first (those without one last),
 * paged with a cursor over the whole sorted list, like `listOpenLeads`.
 */
export function listOpenDeals(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  params: OpenListParams,
): Promise<Result<Page<Versioned<Opportunity>>>> {
  return openPage(deps, caller, ws, params, {
    read: (workspace) => {
      const stages = openStages(workspace.settings.stages).map((stage) => stage.id);
      return readEvery(deps, ws, 'opportunity', 'stage', stages);
    },
    // '~' sorts after every digit: a deal without a close date comes last.
    key: (deal) => [deal.record.closeDate ?? '~', deal.record.id],
    order: 'asc',
  });
}

type OpenList<T> = {
  readonly read: (workspace: Workspace) => Promise<T[]>;
  readonly key: (item: T) => SortKey;
  readonly order: 'asc' | 'desc';
};

async function openPage<T>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  params: OpenListParams,
  list: OpenList<T>,
): Promise<Result<Page<T>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const paging = checkPaging(params);
  if (!paging.ok) return paging;
  const items = await list.read(access.value.workspace.record);
  return ok(sortedPage(items, list.key, list.order, paging.value));
}

type Paging = { readonly limit: number; readonly after?: SortKey };
/** What a list is sorted by, then the record id so that ties keep one order. */
type SortKey = readonly [string, string];

function checkPaging(params: OpenListParams): Result<Paging> {
  const query = toListQuery('lead', params);
  if (!query.ok) return query;
  if (params.cursor === undefined || params.cursor === '') return ok({ limit: query.value.limit });
  const after = parseSortKey(decodeCursor(params.cursor));
  if (!after) {
    return err(
      domainError('VALIDATION.FAILED', 'The cursor is not one this list issued; start again without it.', {
        fields: { cursor: 'invalid' },
      }),
    );
  }
  return ok({ limit: query.value.limit, after });
}

function parseSortKey(text: string | undefined): SortKey | undefined {
  if (text === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(text);
    return Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === 'string')
      ? [key[0] as string, key[1] as string]
      : undefined;
  } catch {
    return undefined;
  }
}

/** Every live record of `kind` whose `field` is one of `values`, through the repository's own filter. */
async function readEvery<K extends RecordKind>(
  deps: AppDeps,
  ws: WorkspaceId,
  kind: K,
  field: string,
  values: readonly string[],
): Promise<Versioned<RecordOf[K]>[]> {
  const found: Versioned<RecordOf[K]>[] = [];
  for (const value of values) {
    let cursor: string | undefined;
    do {
      const query = { limit: 1000, filters: { [field]: value }, ...(cursor ? { cursor } : {}) };
      const page = await deps.records.list(ws, kind, query as ListQuery<K>);
      found.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return found;
}

function sortedPage<T>(
  items: readonly T[],
  key: (item: T) => SortKey,
  order: 'asc' | 'desc',
  paging: Paging,
) {
  const sign = order === 'asc' ? 1 : -1;
  // Code-point order, not locale order: ISO dates and ids sort as written, '~' after every digit.
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const compare = (a: SortKey, b: SortKey): number => sign * byText(a[0], b[0]) || byText(a[1], b[1]);
  const keyed = items.map((item) => ({ item, key: key(item) })).sort((a, b) => compare(a.key, b.key));
  const after = paging.after;
  const rest = after ? keyed.filter((entry) => compare(entry.key, after) > 0) : keyed;
  const page = rest.slice(0, paging.limit);
  const last = page.at(-1);
  return {
    items: page.map((entry) => entry.item),
    ...(rest.length > paging.limit && last ? { nextCursor: encodeCursor(JSON.stringify(last.key)) } : {}),
  } satisfies Page<T>;
}
