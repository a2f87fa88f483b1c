import type { RecordKind } from './records';

/**
 * The tab's addresses, as the contract gives them (`#/w/{ws}/{view}[/{id}]`), and the two forms a link
 * to a record takes outside the tab: the plain web URL (the tab's page with that hash) and the Teams
 * deep link to the tab (`https://teams.microsoft.com/l/entity/<app>/<entity>?context={"subEntityId":
 * "<ws>/<view>/<id>"}`). The tab builds and follows them, the bot puts them on cards and unfurls them:
 * both with this one module, so they cannot drift apart.
 */
export const TAB_VIEWS = [
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
export type TabView = (typeof TAB_VIEWS)[number];

/** The view that shows one record of each kind on its own page. */
export const RECORD_VIEW = {
  lead: 'leads',
  organisation: 'organisations',
  contact: 'contacts',
  opportunity: 'opportunities',
  campaign: 'campaigns',
  activity: 'activities',
} as const satisfies { readonly [K in RecordKind]: TabView };

export const isTabView = (value: string | undefined): value is TabView =>
  (TAB_VIEWS as readonly string[]).includes(value ?? '');

/** The record kind a view shows on a record page; undefined for the others (pipeline, dashboard...). */
export function recordKindOfView(view: TabView): RecordKind | undefined {
  const found = Object.entries(RECORD_VIEW).find(([, v]) => v === view);
  return found?.[0] as RecordKind | undefined;
}

/** One place in the tab: a workspace's view, and a record's own page when `recordId` is given. */
export type TabAddress = {
  readonly workspaceId: string;
  readonly view: TabView;
  readonly recordId?: string;
};

/** A record's page in the tab. */
export type RecordAddress = {
  readonly workspaceId: string;
  readonly kind: RecordKind;
  readonly recordId: string;
};

export const recordTabAddress = (record: RecordAddress): TabAddress => ({
  workspaceId: record.workspaceId,
  view: RECORD_VIEW[record.kind],
  recordId: record.recordId,
});

const decode = (part: string | undefined): string | undefined => {
  if (!part) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
};

/** `#/w/<ws>/<view>[/<record>]`, workspace and record encoded. */
export function tabHash(address: TabAddress): string {
  const record = address.recordId ? `/${encodeURIComponent(address.recordId)}` : '';
  return `#/w/${encodeURIComponent(address.workspaceId)}/${address.view}${record}`;
}

/**
 * `view[/record]` (the tail of a hash) in a workspace; an unknown view is undefined. A record is kept
 * only on a view that has record pages.
 */
export function parseViewTail(tail: string, workspaceId: string): TabAddress | undefined {
  const [view, record] = tail.replace(/^\/+/, '').split('/');
  if (!isTabView(view)) return undefined;
  const recordId = decode(record);
  return { workspaceId, view, ...(recordId ? { recordId } : {}) };
}

/** The workspace and the rest of a `#/w/<ws>[/…]` hash; undefined when it names no workspace. */
export function splitTabHash(hash: string): { workspaceId: string; tail: string } | undefined {
  const match = /^#?\/w\/([^/?]+)(?:\/([^?]*))?/.exec(hash);
  const workspaceId = decode(match?.[1]);
  return workspaceId ? { workspaceId, tail: match?.[2] ?? '' } : undefined;
}

/** The plain URL of a place in the tab: the tab's page (`https://host/` or `…/tab`) and its hash. */
export function tabWebUrl(page: string, address: TabAddress): string {
  return `${page.replace(/#.*$/, '')}${tabHash(address)}`;
}

/** What a Teams deep link to the tab carries as `subEntityId` (TeamsJS v2: `subPageId`). */
export const subEntityIdOf = (address: TabAddress): string => tabHash(address).slice('#/w/'.length);

/**
 * A `subEntityId` back to a place in the tab: `<ws>/<view>[/<record>]`, or the older `<view>[/<record>]`
 * inside the tab's own workspace (`workspaceId`, a team tab's). Undefined when it names neither.
 */
export function parseSubEntityId(subEntityId: string, workspaceId?: string): TabAddress | undefined {
  const [first, second] = subEntityId.replace(/^\/+/, '').split('/');
  if (isTabView(second)) {
    const ws = decode(first);
    const rest = subEntityId.replace(/^\/+/, '').slice((first ?? '').length + 1);
    return ws ? parseViewTail(rest, ws) : undefined;
  }
  return workspaceId && isTabView(first) ? parseViewTail(subEntityId, workspaceId) : undefined;
}

/** The Teams app and the tab a deep link opens (the manifest's app id and a static tab's `entityId`). */
export type TeamsTab = { readonly appId: string; readonly entityId: string };

/** The manifest's personal tab: deep links open records there (a team tab's entity id is per team). */
export const PERSONAL_TAB_ENTITY_ID = 'pipeline';

/**
 * A Teams deep link to a place in the tab: Teams opens the app's tab with `subEntityId` in its context
 * (the tab follows it on open); `webUrl` is where clients that cannot show the tab go instead.
 */
export function teamsDeepLink(
  tab: TeamsTab,
  address: TabAddress,
  options: { readonly webUrl?: string; readonly label?: string } = {},
): string {
  const params = [
    ...(options.webUrl ? [`webUrl=${encodeURIComponent(options.webUrl)}`] : []),
    ...(options.label ? [`label=${encodeURIComponent(options.label)}`] : []),
    `context=${encodeURIComponent(JSON.stringify({ subEntityId: subEntityIdOf(address) }))}`,
  ];
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(tab.appId)}/${encodeURIComponent(
    tab.entityId,
  )}?${params.join('&')}`;
}

const TEAMS_HOSTS = /^(teams\.microsoft\.com|teams\.cloud\.microsoft|teams\.live\.com)$/i;

/**
 * The record a link points at, in either form: the tab's web URL (`…#/w/<ws>/<view>/<id>`, any host
 * and page) or a Teams deep link to the tab (`…/l/entity/<app>/<entity>?context={"subEntityId":…}`).
 * Undefined for anything else, and for views without record pages.
 */
export function parseRecordLink(link: string): RecordAddress | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  const address = TEAMS_HOSTS.test(url.hostname) ? teamsLinkAddress(url) : webLinkAddress(url);
  if (!address?.recordId) return undefined;
  const kind = recordKindOfView(address.view);
  return kind ? { workspaceId: address.workspaceId, kind, recordId: address.recordId } : undefined;
}

function webLinkAddress(url: URL): TabAddress | undefined {
  const split = splitTabHash(url.hash);
  return split ? parseViewTail(split.tail, split.workspaceId) : undefined;
}

function teamsLinkAddress(url: URL): TabAddress | undefined {
  if (!/^\/l\/entity\/[^/]+\/[^/]+\/?$/.test(url.pathname)) return undefined;
  const context = url.searchParams.get('context');
  if (!context) return undefined;
  try {
    const parsed = JSON.parse(context) as { subEntityId?: unknown };
    return typeof parsed.subEntityId === 'string' ? parseSubEntityId(parsed.subEntityId) : undefined;
  } catch {
    return undefined;
  }
}
