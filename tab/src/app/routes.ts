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
 * all of them: `#/w/<workspace>/<view>[/<record>]` (`tabHash` in `@crm/shared`, which the bot's links
 * and unfurling use too). Teams deep links carry `<workspace>/<view>[/<record>]` as `subPageId`.
 */
export const VIEW_IDS = TAB_VIEWS;
export type ViewId = TabView;

/** Views only workspace owners see in the navigation (the server enforces the rule itself). */
export const OWNER_VIEWS: ReadonlySet<ViewId> = new Set(['settings', 'recycle-bin']);

export type Route = {
  readonly workspaceId?: string;
  readonly view: ViewId;
  readonly recordId?: string;
};

/** The tab's home: what to do today. */
export const DEFAULT_VIEW: ViewId = 'my-day';

/** `view[/record]` (the tail of a hash) → a route in the given workspace; an unknown view is the default. */
export function parseViewPath(path: string, workspaceId?: string): Route {
  const found = parseViewTail(path, workspaceId ?? '');
  if (!found) return { ...(workspaceId ? { workspaceId } : {}), view: DEFAULT_VIEW };
  const { workspaceId: _ws, ...rest } = found;
  return { ...(workspaceId ? { workspaceId } : {}), ...rest };
}

/** `#/w/<ws>/<view>/<id>` → a route; anything else is the default view with no workspace chosen. */
export function parseHash(hash: string): Route {
  const split = splitTabHash(hash);
  if (!split) return { view: DEFAULT_VIEW };
  return parseViewPath(split.tail, split.workspaceId);
}

/** The hash of a route (what links and `location.hash` take). */
export function routeHash(route: Route): string {
  if (!route.workspaceId) return '#/';
  return tabHash({ ...route, workspaceId: route.workspaceId });
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
