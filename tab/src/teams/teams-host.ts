import type { app, authentication, pages } from '@microsoft/teams-js';
import { tokenExpiry } from '../auth/jwt';
/** The team tab's configuration page: Teams' Save button and the tab it creates. */
export type TeamsTabConfig = {
  setValid(valid: boolean): void;
  /** Runs `save` when the user presses Save; the tab is created once it resolves. */
  onSave(save: () => Promise<TabSettings>): void;
};
export type TabSettings = {
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
};

/** A place in the tab to share: what Teams' deep link carries, its label, and the web page behind it. */
export type ShareDeepLink = {
  readonly subPageId: string;
  readonly subPageLabel: string;
  readonly subPageWebUrl?: string;
};

/** Asked with `refresh` when the server refused the last token (401): a fresh one, not a cached one. */
export type TokenRequest = { readonly refresh?: boolean };
export type GetToken = (request?: TokenRequest) => Promise<string>;

/** What the app needs from Teams when it runs inside it. */
export type TeamsHost = {
  readonly theme: string;
  readonly locale: string;
  /** The team's thread id (`19:…@thread.tacv2`) in a team tab; absent in a personal tab. */
  readonly teamId?: string;
  /** A deep link's target inside the tab (`<ws>/leads/L1`, or `leads/L1` from older links). */
  readonly subPageId?: string;
  /** Who is signed in to Teams, as Teams names them (the header shows it). */
  readonly userName?: string;
  /** Teams' "Copy link" for a place in the tab (`pages.shareDeepLink`): a deep link back to it. */
  shareDeepLink?(link: ShareDeepLink): void;
  onThemeChange(handler: (theme: string) => void): void;
  getToken: GetToken;
  readonly config: TeamsTabConfig;
};

/** The parts of `@microsoft/teams-js` the seam uses (`teams-sdk.ts` bundles only these). */
export type TeamsSdk = {
  readonly app: typeof app;
  readonly pages: typeof pages;
  readonly authentication: Pick<typeof authentication, 'getAuthToken'>;
};

/** Where the seam gets Teams from; tests hand it a fake Teams. */
export type TeamsModules = { readonly sdk: () => Promise<TeamsSdk> };

const TEAMS_MODULES: TeamsModules = {
  // Loaded only when Teams may be there: the SDK reaches out to Microsoft's CDN as soon as it loads.
  sdk: () => import('./teams-sdk'),
};

const INITIALIZE_TIMEOUT_MS = 3000;

/** A cached token this close to its expiry is asked for again (as TeamsFx's credential did). */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * The tab's own Teams SSO token (`authentication.getAuthToken`), the one our server verifies: kept
 * until five minutes before it expires, and asked for again after a refusal (`refresh`). No TeamsFx
 * (and no MSAL) is needed for this: the tab never asks for tokens to other APIs.
 */
export function ssoToken(
  sdk: () => Promise<Pick<TeamsSdk, 'authentication'>>,
  now: () => number = Date.now,
): GetToken {
  let cached: { readonly token: string; readonly expiresAt: number } | undefined;
  // One request to Teams at a time: callers arriving while it is on its way share it.
  let asking: Promise<string> | undefined;
  const ask = async () => {
    const token = await (await sdk()).authentication.getAuthToken({ resources: [] });
    if (!token) throw new Error('teams: no SSO token');
    cached = { token, expiresAt: tokenExpiry(token) ?? 0 };
    return token;
  };
  return (request) => {
    if (!request?.refresh && cached && cached.expiresAt - now() > RENEW_BEFORE_MS)
      return Promise.resolve(cached.token);
    if (!request?.refresh && asking) return asking;
    const asked = ask().finally(() => {
      if (asking === asked) asking = undefined;
    });
    asking = asked;
    return asked;
  };
}

let connection: Promise<TeamsHost | undefined> | undefined;

/**
 * One connection per page: boot.ts starts it while the app's modules load (the handshake and the SSO
 * token need none of them), and the app then finds it made or on its way.
 */
export const connectTeamsOnce = (): Promise<TeamsHost | undefined> => (connection ??= connectTeams());

const timeout = (ms: number) =>
  new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('teams: timeout')), ms));

export type ConnectOptions = { readonly modules?: TeamsModules; readonly timeoutMs?: number };

/** What tells a window Teams may be hosting it. */
export type HostWindow = {
  readonly self: unknown;
  readonly top: unknown;
  readonly nativeInterface?: unknown;
};

/**
 * Whether Teams may be hosting this window: framed (Teams on the web and the desktop), or top-level
 * with the bridge Teams' mobile apps put in their web view (`nativeInterface`, the "frameless"
 * window teams-js talks to instead of a parent). A plain browser tab is neither.
 */
export const mayBeTeams = (win: HostWindow): boolean =>
  win.self !== win.top || win.nativeInterface !== undefined;

/**
 * Connects to Teams only when it may be there (`mayBeTeams`): `app.initialize()` rejects at once in
 * a plain top-level window but waits about a minute when framed by a non-Teams page, so it races a
 * short timeout. Undefined means "not in Teams" (a browser, or a frame that is not Teams): the app
 * then offers the dev sign-in.
 */
export async function connectTeams(
  win: HostWindow = window as unknown as HostWindow,
  { modules = TEAMS_MODULES, timeoutMs = INITIALIZE_TIMEOUT_MS }: ConnectOptions = {},
): Promise<TeamsHost | undefined> {
  if (!mayBeTeams(win)) return undefined;
  try {
    const { app, authentication, pages } = await modules.sdk();
    await Promise.race([app.initialize(), timeout(timeoutMs)]);
    const context = await Promise.race([app.getContext(), timeout(timeoutMs)]);
    app.notifySuccess();
    const teamId = context.team?.internalId;
    const subPageId = context.page.subPageId;
    const userName = context.user?.displayName ?? context.user?.userPrincipalName;
    const getToken = ssoToken(async () => ({ authentication }));
    // Asked for now, while the app renders: the first API call finds it (or the request on its way).
    getToken().catch(() => undefined);
    return {
      theme: context.app.theme,
      locale: context.app.locale,
      ...(teamId ? { teamId } : {}),
      ...(subPageId ? { subPageId } : {}),
      ...(userName ? { userName } : {}),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
      shareDeepLink: (link) => pages.shareDeepLink(link),
      getToken,
      config: {
        setValid: (valid) => pages.config.setValidityState(valid),
        onSave: (save) =>
          pages.config.registerOnSaveHandler((event) => {
            save()
              .then((settings) => pages.config.setConfig(settings))
              .then(() => event.notifySuccess())
              .catch((error: unknown) => event.notifyFailure(String(error)));
          }),
      },
    };
  } catch {
    return undefined;
  }
}
