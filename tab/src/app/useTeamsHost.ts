import { useEffect, useState } from 'react';
import type { i18n } from 'i18next';
import { loadLanguage, pickLanguage } from '../i18n/i18n';
import type { TeamsHost } from '../teams/teams-host';

export type TeamsState = {
  /** True until we know whether Teams hosts us; the UI renders meanwhile. */
  readonly connecting: boolean;
  readonly host?: TeamsHost;
  readonly theme: string;
};

/** Outside Teams, the browser's light or dark preference, in Teams' theme names. */
function browserTheme(): string {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'default';
}

/** Connects to Teams in the background, then follows its theme and language. */
export function useTeamsHost(
  connect: (() => Promise<TeamsHost | undefined>) | undefined,
  i18n: i18n,
): TeamsState {
  const [state, setState] = useState<TeamsState>({ connecting: Boolean(connect), theme: browserTheme() });
  useEffect(() => {
    if (!connect) return;
    let live = true;
    void connect().then((host) => {
      if (!live) return;
      setState({ connecting: false, ...(host ? { host } : {}), theme: host?.theme ?? browserTheme() });
      if (!host) return;
      void loadLanguage(i18n, pickLanguage(host.locale));
      host.onThemeChange((theme) => live && setState((current) => ({ ...current, theme })));
    });
    return () => {
      live = false;
    };
  }, [connect, i18n]);
  return state;
}
