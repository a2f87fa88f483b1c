/**
 * The tab's addresses. Every view has one, in the URL's hash so the server serves the same page for
 * all of them: `#/w/<workspace>/<view>[/<record>][?<query>]`. A list's search, filters and sort are
 * the query (`?q=jan&status=working-contacted&sort=-name`), so a link or a reload shows the same
 * list. Teams deep links carry the part after the workspace as `subPageId` (`leads/L1`), and the
 * bot unfurls links of this shape.
 */
export const VIEW_IDS = [
  'leads',
  'organisations',
  'contacts',
  'opportunities',
  'pipeline',
  'campaigns',
  'activities',
  'dashboard',
  'settings',
  'recycle-bin',
] as const;
export type ViewId = (typeof VIEW_IDS)[number];

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

export const DEFAULT_VIEW: ViewId = 'leads';

const isView = (value: string | undefined): value is ViewId =>
  (VIEW_IDS as readonly string[]).includes(value ?? '');

const decode = (part: string | undefined): string | undefined => {
  if (!part) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
};

/** `a=1&b=` → `{a: '1'}`: blank values say nothing, so they are left out. */
function parseQuery(search: string | undefined): RouteQuery | undefined {
  if (!search) return undefined;
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(search)) if (value) query[name] = value;
  return Object.keys(query).length ? query : undefined;
}

/** `view[/record][?query]` (a Teams `subPageId`, or the tail of a hash) → a route in the given workspace. */
export function parseViewPath(path: string, workspaceId?: string): Route {
  const [where = '', search] = path.split('?', 2);
  const [view, record] = where.replace(/^\/+/, '').split('/');
  const recordId = decode(record);
  const query = isView(view) ? parseQuery(search) : undefined;
  return {
    ...(workspaceId ? { workspaceId } : {}),
    view: isView(view) ? view : DEFAULT_VIEW,
    ...(isView(view) && recordId ? { recordId } : {}),
    ...(query ? { query } : {}),
  };
}

/** `#/w/<ws>/<view>/<id>` → a route; anything else is the default view with no workspace chosen. */
export function parseHash(hash: string): Route {
  const match = /^#?\/w\/([^/?]+)(?:\/(.*))?$/.exec(hash);
  if (!match) return { view: DEFAULT_VIEW };
  const workspaceId = decode(match[1]);
  return parseViewPath(match[2] ?? '', workspaceId);
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
  const record = route.recordId ? `/${encodeURIComponent(route.recordId)}` : '';
  return `#/w/${encodeURIComponent(route.workspaceId)}/${route.view}${record}${queryString(route.query)}`;
}

/** The `subPageId` a Teams deep link carries for a route (workspace is implied by the tab). */
export const subPageIdOf = (route: Route): string =>
  route.recordId ? `${route.view}/${route.recordId}` : route.view;
