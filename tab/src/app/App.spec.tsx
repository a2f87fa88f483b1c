/** @jest-environment jsdom */
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { act, render, screen } from '@testing-library/react';
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

  it('when Teams fails to initialise, offers the dev sign-in', async () => {
    const failing: TeamsModules = {
      sdk: async () =>
        ({
          app: { initialize: () => Promise.reject(new Error('No Parent window found')) },
        }) as never,
      credential: () => Promise.reject(new Error('not used')),
    };
    const framed = { self: {} as Window, top: {} as Window };
    render(<App i18n={createI18n('en')} connectTeams={() => connectTeams(framed, { modules: failing })} />);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(authorizations).toEqual([]);
  });
});

describe('App in a browser', () => {
  it('shows the local sign-in form at once', () => {
    render(<App i18n={createI18n('en')} />);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Tenant id/ })).toBeTruthy();
  });
});
