/** @jest-environment jsdom */
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createI18n } from '../i18n/i18n';
import { connectTeams, type TeamsHost, type TeamsModules } from '../teams/teams-host';
import { App } from './App';

/** The CSS variables FluentProvider writes for the active theme. */
const themeCss = () =>
  Array.from(document.querySelectorAll('style'))
    .flatMap((style) => [
      style.textContent ?? '',
      ...Array.from(style.sheet?.cssRules ?? [], (r) => r.cssText),
    ])
    .join('\n');

function fakeTeams(theme = 'dark', locale = 'nl-NL') {
  let onThemeChange: (theme: string) => void = () => undefined;
  let connected: (host: TeamsHost) => void = () => undefined;
  const host: TeamsHost = {
    theme,
    locale,
    onThemeChange: (handler) => {
      onThemeChange = handler;
    },
    getToken: async (request) => (request?.refresh ? 'fresh-sso-token' : 'sso-token'),
    config: { setValid: () => undefined, onSave: () => undefined },
  };
  const connect = () => new Promise<TeamsHost | undefined>((resolve) => (connected = resolve));
  return {
    host,
    connect,
    connect_: () => connected(host),
    changeTheme: (theme: string) => onThemeChange(theme),
  };
}

let authorizations: string[] = [];
/** How many of the next requests the server refuses as unauthenticated. */
let refuse = 0;

beforeEach(() => {
  authorizations = [];
  refuse = 0;
  // The workspace picker asks for the user's workspaces once signed in: none.
  window.fetch = (async (_url: string, init: RequestInit) => {
    authorizations.push(String((init.headers as Record<string, string>).Authorization));
    if (refuse > 0) {
      refuse--;
      return {
        ok: false,
        status: 401,
        headers: { get: () => 'application/problem+json' },
        json: async () => ({ code: 'AUTH.INVALID_TOKEN' }),
      };
    }
    return {
      ok: true,
      status: 200,
      headers: { get: () => null },
      json: async () => ({ items: [], nextCursor: null }),
    };
  }) as unknown as typeof fetch;
});

describe('App inside Teams', () => {
  it('renders before Teams answers, then takes its language and theme and follows theme changes', async () => {
    const teams = fakeTeams();
    render(<App i18n={createI18n('en')} connectTeams={teams.connect} />);
    expect(screen.getByText('Loading…')).toBeTruthy();

    await act(async () => teams.connect_());
    // Signed in by Teams SSO: no sign-in form, and the UI speaks the Teams locale.
    expect(await screen.findByRole('heading', { name: 'Werkruimtes' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Aanmelden' })).toBeNull();
    expect(authorizations).toEqual(['Bearer sso-token']);
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${teamsDarkTheme.colorNeutralBackground1}`);

    act(() => teams.changeTheme('contrast'));
    expect(themeCss()).toContain(
      `--colorNeutralBackground1: ${teamsHighContrastTheme.colorNeutralBackground1}`,
    );
  });

  it.each([
    ['default', 'nb-NO', teamsLightTheme, 'Arbeidsområder'],
    ['contrast', 'pt-BR', teamsHighContrastTheme, 'Espaços de trabalho'],
  ])('starts in the Teams theme %s and locale %s', async (theme, locale, fluentTheme, heading) => {
    const teams = fakeTeams(theme, locale);
    render(<App i18n={createI18n('en')} connectTeams={teams.connect} />);
    await act(async () => teams.connect_());
    expect(await screen.findByRole('heading', { name: heading })).toBeTruthy();
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${fluentTheme.colorNeutralBackground1}`);
  });

  it('when the server refuses the SSO token, asks Teams for a fresh one once', async () => {
    refuse = 1;
    const teams = fakeTeams();
    render(<App i18n={createI18n('en')} connectTeams={teams.connect} />);
    await act(async () => teams.connect_());
    expect(await screen.findByRole('heading', { name: 'Werkruimtes' })).toBeTruthy();
    expect(authorizations).toEqual(['Bearer sso-token', 'Bearer fresh-sso-token']);
  });

  it('starts where the browser denies the framed tab its storage (third-party storage blocked)', async () => {
    const denied = jest.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    try {
      const teams = fakeTeams();
      render(<App i18n={createI18n('en')} connectTeams={teams.connect} />);
      await act(async () => teams.connect_());
      expect(await screen.findByRole('heading', { name: 'Werkruimtes' })).toBeTruthy();
      expect(authorizations).toEqual(['Bearer sso-token']);
    } finally {
      denied.mockRestore();
    }
  });

  it('when Teams fails to initialise, offers the dev sign-in', async () => {
    const failing: TeamsModules = {
      sdk: async () =>
        ({
          app: { initialize: () => Promise.reject(new Error('No Parent window found')) },
        }) as never,
    };
    const framed = { self: {} as Window, top: {} as Window };
    render(<App i18n={createI18n('en')} connectTeams={() => connectTeams(framed, { modules: failing })} />);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(authorizations).toEqual([]);
  });
});

describe('App in a browser', () => {
  /** A dev token as the server mints it: only its `exp` matters to the app. */
  const devToken = (expiresInS: number) => {
    const claims = { name: 'Dé Mo', exp: Math.floor(Date.now() / 1000) + expiresInS };
    return `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.sig`;
  };
  const answerDevToken = (token: string) => {
    const api = window.fetch;
    window.fetch = (async (url: string, init: RequestInit) =>
      url === '/api/dev/token'
        ? { ok: true, status: 200, headers: { get: () => null }, json: async () => ({ token }) }
        : api(url, init)) as unknown as typeof fetch;
  };

  beforeEach(() => window.localStorage.clear());

  it('shows the local sign-in form at once', () => {
    render(<App i18n={createI18n('en')} />);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Tenant id/ })).toBeTruthy();
  });

  it('keeps the local sign-in across a reload for its token’s lifetime, until signed out', async () => {
    const token = devToken(3600);
    answerDevToken(token);
    const first = render(<App i18n={createI18n('en')} />);
    fireEvent.change(screen.getByRole('textbox', { name: /^Name/ }), { target: { value: 'Dé Mo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: 'Signed in as Dé Mo' })).toBeTruthy();
    first.unmount();

    // The reload: no form, the same person, their token on the first call.
    authorizations = [];
    render(<App i18n={createI18n('en')} />);
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Workspaces' })).toBeTruthy();
    expect(authorizations).toEqual([`Bearer ${token}`]);

    fireEvent.click(screen.getByRole('button', { name: 'Signed in as Dé Mo' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(window.localStorage.length).toBe(0);
  });

  it('asks to sign in again when the kept token has expired, or the server refuses it', async () => {
    answerDevToken(devToken(30)); // inside the minute it would not be worth restoring
    const first = render(<App i18n={createI18n('en')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Workspaces' });
    first.unmount();
    const second = render(<App i18n={createI18n('en')} />);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    second.unmount();

    // A server restarted with new keys refuses a token that has not expired.
    answerDevToken(devToken(3600));
    const third = render(<App i18n={createI18n('en')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Workspaces' });
    third.unmount();
    refuse = 2;
    render(<App i18n={createI18n('en')} />);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(window.localStorage.length).toBe(0);
  });
});
