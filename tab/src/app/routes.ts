import {
  parseSubEntityId,
  parseViewTail,
  splitTabHash,
  subEntityIdOf,
  TAB_VIEWS,
  tabHash,
  type TabView,
} from '@crm/shared';

/**
 * The tab's addresses. Every view has one, in the URL's hash so the server serves the same page for
 * all of them: `#/w/<workspace>/<view>[/<record>][?<query>]` (`tabHash` in `@crm/shared`, which the
 * bot's links and unfurling use too, plus the query). A list's search, filters and sort are the query
 * (`?q=jan&status=working-contacted&sort=-name`), so a link or a reload shows the same list. Teams
 * deep links carry `<workspace>/<view>[/<record>]` as `subPageId`.
 */
export const VIEW_IDS = TAB_VIEWS;
export type ViewId = TabView;

/** Views only workspace owners see in the navigation (the server enforces the rule itself). */
export const OWNER_VIEWS: ReadonlySet<ViewId> = new Set(['settings', 'recycle-bin']);

/** A list's state in the address: search (`q`), filters by name, `sort`; only non-blank values. */
export type RouteQuery = Readonly<Record<string, string>>;

export type Route = {
  readonly workspaceId?: string;
  readonly view: ViewId;
  readonly recordId?: string;
  readonly query?: RouteQuery;
};

/** The tab's home: what to do today. */
export const DEFAULT_VIEW: ViewId = 'my-day';

/** `a=1&b=` → `{a: '1'}`: blank values say nothing, so they are left out. */
function parseQuery(search: string | undefined): RouteQuery | undefined {
  if (!search) return undefined;
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(search)) if (value) query[name] = value;
  return Object.keys(query).length ? query : undefined;
}

/**
 * `view[/record][?query]` (the tail of a hash) → a route in the given workspace; an unknown view is
 * the default (without the query).
 */
export function parseViewPath(path: string, workspaceId?: string): Route {
  const [where = '', search] = path.split('?', 2);
  const found = parseViewTail(where, workspaceId ?? '');
  if (!found) return { ...(workspaceId ? { workspaceId } : {}), view: DEFAULT_VIEW };
  const { workspaceId: _ws, ...rest } = found;
  const query = parseQuery(search);
  return { ...(workspaceId ? { workspaceId } : {}), ...rest, ...(query ? { query } : {}) };
}

/** `#/w/<ws>/<view>/<id>` → a route; anything else is the default view with no workspace chosen. */
export function parseHash(hash: string): Route {
  const [path = '', search] = hash.split('?', 2);
  const split = splitTabHash(path);
  if (!split) return { view: DEFAULT_VIEW };
  return parseViewPath(search === undefined ? split.tail : `${split.tail}?${search}`, split.workspaceId);
}

/** `?a=1&b=2` in a stable order (sorted by name), or nothing for an empty query. */
function queryString(query: RouteQuery | undefined): string {
  const entries = Object.entries(query ?? {})
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? '?' + new URLSearchParams(entries).toString() : '';
}

/** The hash of a route (what links and `location.hash` take). */
export function routeHash(route: Route): string {
  if (!route.workspaceId) return '#/';
  const { workspaceId, view, recordId } = route;
  return tabHash({ workspaceId, view, ...(recordId ? { recordId } : {}) }) + queryString(route.query);
}

/**
 * Where a Teams deep link's `subPageId` points: `<ws>/<view>[/<record>]`, or `<view>[/<record>]` in
 * the tab's own workspace. Undefined when it points nowhere the tab knows.
 */
export function deepLinkRoute(subPageId: string, workspaceId?: string): Route | undefined {
  return parseSubEntityId(subPageId, workspaceId);
}

/** The `subPageId` a Teams deep link carries for a route in a workspace. */
export const subPageIdOf = (route: Route & { readonly workspaceId: string }): string => subEntityIdOf(route);
