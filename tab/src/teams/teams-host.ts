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

/** What the app needs from Teams when it runs inside it. */
export type TeamsHost = {
  readonly theme: string;
  readonly locale: string;
  /** The team's thread id (`19:…@thread.tacv2`) in a team tab; absent in a personal tab. */
  readonly teamId?: string;
  /** A deep link's target inside the tab (`leads/L1`). */
  readonly subPageId?: string;
  onThemeChange(handler: (theme: string) => void): void;
  getToken(): Promise<string>;
  readonly config: TeamsTabConfig;
};

const INITIALIZE_TIMEOUT_MS = 3000;

/**
 * The Teams SSO token, through TeamsFx's `TeamsUserCredential` (it caches the token and renews it
 * before expiry). Its `getToken('')` asks Teams for the tab's own SSO token, the one our server
 * verifies. The client id it wants for interactive login is unused for that call.
 */
function ssoToken(): () => Promise<string> {
  let credential: Promise<{ getToken(scopes: string): Promise<{ token: string } | null> }> | undefined;
  return async () => {
    credential ??= import('@microsoft/teamsfx').then(
      ({ TeamsUserCredential }) =>
        new TeamsUserCredential({
          clientId: 'sso',
          initiateLoginEndpoint: `${window.location.origin}/auth-start`,
        }),
    );
    const token = await (await credential).getToken('');
    if (!token) throw new Error('teams: no SSO token');
    return token.token;
  };
}

const timeout = (ms: number) =>
  new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('teams: timeout')), ms));

/**
 * Connects to Teams only when framed: `app.initialize()` rejects at once in a top-level window but
 * waits about a minute when framed by a non-Teams page, so it races a short timeout. Undefined means
 * "not in Teams" (a browser, or a frame that is not Teams).
 */
export async function connectTeams(win: Window = window): Promise<TeamsHost | undefined> {
  if (win.self === win.top) return undefined;
  try {
    // Loaded only when framed: the SDK reaches out to Microsoft's CDN as soon as it loads.
    const { app, pages } = await import('@microsoft/teams-js');
    await Promise.race([app.initialize(), timeout(INITIALIZE_TIMEOUT_MS)]);
    const context = await Promise.race([app.getContext(), timeout(INITIALIZE_TIMEOUT_MS)]);
    app.notifySuccess();
    const teamId = context.team?.internalId;
    const subPageId = context.page.subPageId;
    return {
      theme: context.app.theme,
      locale: context.app.locale,
      ...(teamId ? { teamId } : {}),
      ...(subPageId ? { subPageId } : {}),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
      getToken: ssoToken(),
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
