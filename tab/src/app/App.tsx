import { FluentProvider, Spinner } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { TeamsHost } from '../teams/teams-host';
import { themeFor } from '../teams/theme';
import { ConfigPage } from '../config/ConfigPage';
import { useAppStyles, useGlobalStyles } from './App.styles';
import { Shell } from './Shell';
import { useTeamsHost } from './useTeamsHost';
import { retryQuery } from '../api/api-error';

export type AppProps = {
  readonly i18n: i18n;
  /** Present when framed: connects to Teams (never awaited before the first render). */
  readonly connectTeams?: () => Promise<TeamsHost | undefined>;
  /** `config`: the team tab's configuration page (served on /config); the app otherwise. */
  readonly page?: 'app' | 'config';
};

/** Providers (theme from Teams, translations, query cache) around the shell. */
export function App({ i18n, connectTeams, page = 'app' }: AppProps) {
  const teams = useTeamsHost(connectTeams, i18n);
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { retry: retryQuery, refetchOnWindowFocus: false } } }),
  );
  const styles = useAppStyles();
  useGlobalStyles();
  return (
    <I18nextProvider i18n={i18n}>
      {/* The page's background and height sit on a div of their own: the provider's classes also go
          to every portal (tooltips, menus), which would then cover the whole page. */}
      <FluentProvider theme={themeFor(teams.theme)}>
        <div className={styles.root}>
          <QueryClientProvider client={queryClient}>
            {page === 'config' ? (
              teams.connecting ? (
                <Spinner label={i18n.t('app.loading')} />
              ) : (
                <ConfigPage host={teams.host} />
              )
            ) : (
              <Shell teams={teams} />
            )}
          </QueryClientProvider>
        </div>
      </FluentProvider>
    </I18nextProvider>
  );
}
