/** @jest-environment jsdom */
import { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
import { act, render, screen } from '@testing-library/react';
import { createI18n } from '../i18n/i18n';
import type { TeamsHost } from '../teams/teams-host';
import { App } from './App';

/** The CSS variables FluentProvider writes for the active theme. */
const themeCss = () =>
  Array.from(document.querySelectorAll('style'))
    .flatMap((style) => [
      style.textContent ?? '',
      ...Array.from(style.sheet?.cssRules ?? [], (r) => r.cssText),
    ])
    .join('\n');

function fakeTeams() {
  let onThemeChange: (theme: string) => void = () => undefined;
  let connected: (host: TeamsHost) => void = () => undefined;
  const host: TeamsHost = {
    theme: 'dark',
    locale: 'nl-NL',
    onThemeChange: (handler) => {
      onThemeChange = handler;
    },
    getToken: async () => 'sso-token',
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

beforeEach(() => {
  authorizations = [];
  // The workspace picker asks for the user's workspaces once signed in: none.
  window.fetch = (async (_url: string, init: RequestInit) => {
    authorizations.push(String((init.headers as Record<string, string>).Authorization));
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
});

describe('App in a browser', () => {
  it('shows the local sign-in form at once', () => {
    render(<App i18n={createI18n('en')} />);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Tenant id/ })).toBeTruthy();
  });
});
