import { connectTeams, ssoToken, type SsoCredential, type TeamsModules, type TeamsSdk } from './teams-host';

const FRAMED = { self: {} as Window, top: {} as Window };

type Context = Awaited<ReturnType<TeamsSdk['app']['getContext']>>;

/**
 * A fake Teams: `@microsoft/teams-js` answering `initialize` as told, and TeamsFx credentials that hand
 * out numbered SSO tokens (each new credential starts with an empty cache, as TeamsUserCredential does).
 */
function fakeTeams(initialize: () => Promise<void>, context: Partial<Context> = {}) {
  const calls: string[] = [];
  let credentials = 0;
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
  } as unknown as TeamsSdk;
  const modules: TeamsModules = {
    sdk: async () => sdk,
    credential: async (): Promise<SsoCredential> => {
      const n = ++credentials;
      let handedOut = 0;
      return {
        getToken: async (scopes) => {
          calls.push(`getToken(${JSON.stringify(scopes)})`);
          return { token: `sso-${n}.${++handedOut}` };
        },
      };
    },
  };
  return { modules, calls };
}

describe('connectTeams', () => {
  it('in a top-level browser window, is not in Teams and never loads the Teams SDK', async () => {
    const sdk = jest.fn();
    const window = { self: {} as Window, top: undefined as unknown as Window };
    window.top = window.self;
    expect(await connectTeams(window, { modules: { sdk, credential: jest.fn() } })).toBeUndefined();
    expect(sdk).not.toHaveBeenCalled();
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

  it('in Teams, takes theme, locale, team and deep link, and gets the SSO token from TeamsFx', async () => {
    const teams = fakeTeams(() => Promise.resolve());
    const host = await connectTeams(FRAMED, { modules: teams.modules });
    expect(host).toMatchObject({
      theme: 'dark',
      locale: 'pt-BR',
      teamId: '19:abc@thread.tacv2',
      subPageId: 'leads/L1',
    });
    expect(teams.calls).toEqual(['initialize', 'notifySuccess']);
    // "Copy link" is Teams' own share of a deep link back into the tab.
    host!.shareDeepLink?.({
      subPageId: 'ws/leads/L1',
      subPageLabel: 'Ada',
      subPageWebUrl: 'https://x/#/w/ws/leads/L1',
    });
    expect(teams.calls.pop()).toBe(
      'shareDeepLink({"subPageId":"ws/leads/L1","subPageLabel":"Ada","subPageWebUrl":"https://x/#/w/ws/leads/L1"})',
    );
    // The tab's own SSO token: TeamsUserCredential.getToken with no scopes.
    expect(await host!.getToken()).toBe('sso-1.1');
    expect(teams.calls.at(-1)).toBe('getToken("")');
  });

  it('in a personal tab, has no team', async () => {
    const teams = fakeTeams(() => Promise.resolve(), { team: undefined });
    const host = await connectTeams(FRAMED, { modules: teams.modules });
    expect(host).toBeDefined();
    expect(host && 'teamId' in host).toBe(false);
  });
});

describe('ssoToken', () => {
  it('keeps one credential (and its cache) until asked to refresh, then starts a fresh one', async () => {
    const teams = fakeTeams(() => Promise.resolve());
    const getToken = ssoToken(teams.modules.credential);
    expect(await getToken()).toBe('sso-1.1');
    expect(await getToken()).toBe('sso-1.2');
    expect(await getToken({ refresh: true })).toBe('sso-2.1');
  });

  it('fails when Teams hands out no token', async () => {
    const getToken = ssoToken(async () => ({ getToken: async () => null }));
    await expect(getToken()).rejects.toThrow('no SSO token');
  });
});
