import { Spinner, Text, Title1 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiClient } from '../api/api-client';
import { ApiProvider } from '../api/ApiContext';
import { SignInForm } from '../auth/SignInForm';
import { useAppStyles } from './App.styles';
import { useRoute } from './useRoute';
import type { GetToken } from '../teams/teams-host';
import type { TeamsState } from './useTeamsHost';
import { WorkspaceArea } from './WorkspaceArea';

export type ShellProps = { readonly teams: TeamsState };

type Session = { readonly getToken: GetToken; readonly name?: string };

/** Signs the user in (Teams SSO, or the dev form outside Teams), then the workspace and its views. */
export function Shell({ teams }: ShellProps) {
  const { t } = useTranslation();
  const styles = useAppStyles();
  const { route, navigate } = useRoute();
  const [devSession, setDevSession] = useState<Session>();
  const host = teams.host;
  const session = useMemo<Session | undefined>(
    () => (host ? { getToken: host.getToken } : devSession),
    [host, devSession],
  );
  const api = useMemo(
    () => (session ? createApiClient({ getToken: session.getToken }) : undefined),
    [session],
  );

  if (teams.connecting) return <Spinner label={t('app.loading')} />;
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <Title1 as="h1">{t('app.title')}</Title1>
        {session?.name && <Text>{t('app.signedInAs', { name: session.name })}</Text>}
      </header>
      {!api ? (
        <SignInForm
          onSignedIn={(token, identity) =>
            setDevSession({ getToken: () => Promise.resolve(token), name: identity.name })
          }
        />
      ) : (
        <ApiProvider client={api}>
          <WorkspaceArea
            route={route}
            navigate={navigate}
            {...(host?.subPageId ? { subPageId: host.subPageId } : {})}
            {...(host?.shareDeepLink ? { shareDeepLink: host.shareDeepLink } : {})}
          />
        </ApiProvider>
      )}
    </main>
  );
}
