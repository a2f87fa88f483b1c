import { connectTeams, ssoToken, type TeamsModules, type TeamsSdk } from './teams-host';

const FRAMED = { self: {} as Window, top: {} as Window };

type Context = Awaited<ReturnType<TeamsSdk['app']['getContext']>>;

/** A JWT as Teams hands it out: only its `exp` matters to the tab. */
const jwt = (n: number, expiresInS = 3600) =>
  `e30.${btoa(JSON.stringify({ n, exp: Math.floor(Date.now() / 1000) + expiresInS })).replace(/=+$/, '')}.sig`;

/**
 * A fake Teams: `@microsoft/teams-js` answering `initialize` as told, and `getAuthToken` handing
 * out numbered SSO tokens that expire in `expiresInS`.
 */
function fakeTeams(initialize: () => Promise<void>, context: Partial<Context> = {}, expiresInS = 3600) {
  const calls: string[] = [];
  let handedOut = 0;
  const sdk = {
    app: {
      initialize: () => {
        calls.push('initialize');
        return initialize();
      },
      getContext: async () =>
        ({
          app: { theme: 'dark', locale: 'pt-BR' },
          page: { subPageId: 'leads/L1' },
          team: { internalId: '19:abc@thread.tacv2' },
          ...context,
        }) as Context,
      notifySuccess: () => calls.push('notifySuccess'),
      registerOnThemeChangeHandler: () => calls.push('registerOnThemeChangeHandler'),
    },
    pages: {
      config: {},
      shareDeepLink: (link: unknown) => calls.push(`shareDeepLink(${JSON.stringify(link)})`),
    },
    authentication: {
      getAuthToken: async (request?: { resources?: string[] }) => {
        calls.push(`getAuthToken(${JSON.stringify(request)})`);
        return jwt(++handedOut, expiresInS);
      },
    },
  } as unknown as TeamsSdk;
  const modules: TeamsModules = { sdk: async () => sdk };
  return { modules, calls, token: (n: number) => jwt(n, expiresInS) };
}

describe('connectTeams', () => {
  it('in a top-level browser window, is not in Teams and never loads the Teams SDK', async () => {
    const sdk = jest.fn();
    const window = { self: {} as Window, top: undefined as unknown as Window };
    window.top = window.self;
    expect(await connectTeams(window, { modules: { sdk } })).toBeUndefined();
    expect(sdk).not.toHaveBeenCalled();
  });

  it("in Teams' mobile apps (a top-level web view with Teams' bridge), connects as when framed", async () => {
    const teams = fakeTeams(() => Promise.resolve());
    const window = { self: {} as Window, top: undefined as unknown as Window, nativeInterface: {} };
    window.top = window.self;
    const host = await connectTeams(window, { modules: teams.modules });
    expect(host).toMatchObject({ theme: 'dark', locale: 'pt-BR' });
    expect(teams.calls).toEqual(['initialize', 'notifySuccess', 'getAuthToken({"resources":[]})']);
  });

  it('when Teams fails to initialise, is not in Teams (the app offers the dev sign-in)', async () => {
    const teams = fakeTeams(() => Promise.reject(new Error('No Parent window found')));
    expect(await connectTeams(FRAMED, { modules: teams.modules })).toBeUndefined();
    expect(teams.calls).toEqual(['initialize']);
  });

  it('when a framing page is not Teams and initialise never answers, gives up', async () => {
    const teams = fakeTeams(() => new Promise<void>(() => undefined));
    expect(await connectTeams(FRAMED, { modules: teams.modules, timeoutMs: 1 })).toBeUndefined();
  });

  it('in Teams, takes theme, locale, team, user and deep link, and gets the tab’s SSO token from Teams', async () => {
    const teams = fakeTeams(() => Promise.resolve(), {
      user: { id: 'u', displayName: 'Adele Vance' },
    } as Partial<Context>);
    const host = await connectTeams(FRAMED, { modules: teams.modules });
    expect(host).toMatchObject({
      theme: 'dark',
      locale: 'pt-BR',
      teamId: '19:abc@thread.tacv2',
      subPageId: 'leads/L1',
      userName: 'Adele Vance',
    });
    // The SSO token is asked for at once (the first API call then finds it), and only once.
    expect(teams.calls).toEqual(['initialize', 'notifySuccess', 'getAuthToken({"resources":[]})']);
    // "Copy link" is Teams' own share of a deep link back into the tab.
    host!.shareDeepLink?.({
      subPageId: 'ws/leads/L1',
      subPageLabel: 'Ada',
      subPageWebUrl: 'https://x/#/w/ws/leads/L1',
    });
    expect(teams.calls.pop()).toBe(
      'shareDeepLink({"subPageId":"ws/leads/L1","subPageLabel":"Ada","subPageWebUrl":"https://x/#/w/ws/leads/L1"})',
    );
    // The tab's own SSO token: no other resource asked for.
    expect(await host!.getToken()).toBe(teams.token(1));
    expect(teams.calls.filter((call) => call.startsWith('getAuthToken'))).toEqual([
      'getAuthToken({"resources":[]})',
    ]);
  });

  it('in a personal tab, has no team', async () => {
    const teams = fakeTeams(() => Promise.resolve(), { team: undefined });
    const host = await connectTeams(FRAMED, { modules: teams.modules });
    expect(host).toBeDefined();
    expect(host && 'teamId' in host).toBe(false);
  });
});

describe('ssoToken', () => {
  it('keeps the token until five minutes before it expires, and asks again after a refusal', async () => {
    const teams = fakeTeams(() => Promise.resolve());
    let now = Date.now();
    const getToken = ssoToken(teams.modules.sdk, () => now);
    expect(await getToken()).toBe(teams.token(1));
    expect(await getToken()).toBe(teams.token(1));
    expect(await getToken({ refresh: true })).toBe(teams.token(2));
    now += 56 * 60_000; // 4 minutes left: renewed
    expect(await getToken()).toBe(teams.token(3));
  });

  it('asks Teams once for callers that come while the token is on its way; a refresh asks anew', async () => {
    const teams = fakeTeams(() => Promise.resolve());
    const getToken = ssoToken(teams.modules.sdk);
    expect(await Promise.all([getToken(), getToken(), getToken()])).toEqual([
      teams.token(1),
      teams.token(1),
      teams.token(1),
    ]);
    expect(await Promise.all([getToken(), getToken({ refresh: true })])).toEqual([
      teams.token(1),
      teams.token(2),
    ]);
    expect(teams.calls.filter((call) => call.startsWith('getAuthToken'))).toHaveLength(2);
  });

  it('fails when Teams hands out no token', async () => {
    const getToken = ssoToken(async () => ({ authentication: { getAuthToken: async () => '' } }));
    await expect(getToken()).rejects.toThrow('no SSO token');
  });
});
