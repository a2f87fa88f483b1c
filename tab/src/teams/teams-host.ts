/** What the app needs from Teams when it runs inside it. */
export type TeamsHost = {
  readonly theme: string;
  readonly locale: string;
  onThemeChange(handler: (theme: string) => void): void;
  getToken(): Promise<string>;
};

const INITIALIZE_TIMEOUT_MS = 3000;

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
    const { app, authentication } = await import('@microsoft/teams-js');
    await Promise.race([app.initialize(), timeout(INITIALIZE_TIMEOUT_MS)]);
    const context = await Promise.race([app.getContext(), timeout(INITIALIZE_TIMEOUT_MS)]);
    app.notifySuccess();
    return {
      theme: context.app.theme,
      locale: context.app.locale,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
      getToken: () => authentication.getAuthToken(),
    };
  } catch {
    return undefined;
  }
}
