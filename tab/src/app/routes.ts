/**
 * The tab's addresses. Every view has one, in the URL's hash so the server serves the same page for
 * all of them: `#/w/<workspace>/<view>[/<record>]`. Teams deep links carry the part after the
 * workspace as `subPageId` (`leads/L1`), and the bot unfurls links of this shape.
 */
export const VIEW_IDS = [
  'my-day',
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

export type Route = {
  readonly workspaceId?: string;
  readonly view: ViewId;
  readonly recordId?: string;
};

/** The tab's home: what to do today. */
export const DEFAULT_VIEW: ViewId = 'my-day';

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

/** `view[/record]` (a Teams `subPageId`, or the tail of a hash) → a route in the given workspace. */
export function parseViewPath(path: string, workspaceId?: string): Route {
  const [view, record] = path.replace(/^\/+/, '').split('/');
  const recordId = decode(record);
  return {
    ...(workspaceId ? { workspaceId } : {}),
    view: isView(view) ? view : DEFAULT_VIEW,
    ...(isView(view) && recordId ? { recordId } : {}),
  };
}

/** `#/w/<ws>/<view>/<id>` → a route; anything else is the default view with no workspace chosen. */
export function parseHash(hash: string): Route {
  const match = /^#?\/w\/([^/]+)(?:\/(.*))?$/.exec(hash);
  if (!match) return { view: DEFAULT_VIEW };
  const workspaceId = decode(match[1]);
  return parseViewPath(match[2] ?? '', workspaceId);
}

/** The hash of a route (what links and `location.hash` take). */
export function routeHash(route: Route): string {
  if (!route.workspaceId) return '#/';
  const record = route.recordId ? `/${encodeURIComponent(route.recordId)}` : '';
  return `#/w/${encodeURIComponent(route.workspaceId)}/${route.view}${record}`;
}

/** The `subPageId` a Teams deep link carries for a route (workspace is implied by the tab). */
export const subPageIdOf = (route: Route): string =>
  route.recordId ? `${route.view}/${route.recordId}` : route.view;
