import { Button, Spinner, Text, Title1 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiClient, type WorkspaceSummary } from '../api/api-client';
import { ApiProvider } from '../api/ApiContext';
import { SignInForm } from '../auth/SignInForm';
import { WorkspacePicker } from '../workspaces/WorkspacePicker';
import { useAppStyles } from './App.styles';
import { TemporaryViewTabs } from './TemporaryViewTabs';
import type { TeamsState } from './useTeamsHost';

export type ShellProps = { readonly teams: TeamsState };

type Session = { readonly getToken: () => Promise<string>; readonly name?: string };

/** Signs the user in (Teams SSO, or the dev form outside Teams), then workspace → leads. */
export function Shell({ teams }: ShellProps) {
  const { t } = useTranslation();
  const styles = useAppStyles();
  const [devSession, setDevSession] = useState<Session>();
  const [workspace, setWorkspace] = useState<WorkspaceSummary>();
  const host = teams.host;
  const session = useMemo<Session | undefined>(
    () => (host ? { getToken: () => host.getToken() } : devSession),
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
          {workspace ? (
            <>
              <div className={styles.header}>
                <Text weight="semibold">{workspace.name}</Text>
                <Button onClick={() => setWorkspace(undefined)}>{t('workspaces.change')}</Button>
              </div>
              <TemporaryViewTabs workspaceId={workspace.id} />
            </>
          ) : (
            <WorkspacePicker onPick={setWorkspace} />
          )}
        </ApiProvider>
      )}
    </main>
  );
}
