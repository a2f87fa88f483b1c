import { MessageBar, MessageBarBody, MessageBarTitle, Text, Title2 } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiClient } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { useAppStyles } from '../app/App.styles';
import { ErrorState, LoadingState } from '../app/StateViews';
import type { TeamsHost } from '../teams/teams-host';
import { tabSettings } from './tab-settings';

export type ConfigPageProps = { readonly host: TeamsHost | undefined; readonly origin?: string };

/**
 * The team tab's configuration page. A team is bound to a workspace only through the bot (installed
 * in the team, the caller in its roster), so this page does not bind: it finds the workspace bound
 * to this team and lets Teams save a tab that opens it, or says how to bind it.
 */
export function ConfigPage({ host, origin = window.location.origin }: ConfigPageProps) {
  const { t } = useTranslation();
  const styles = useAppStyles();
  const api = useMemo(() => (host ? createApiClient({ getToken: host.getToken }) : undefined), [host]);
  const workspaces = useQuery({
    queryKey: queryKeys.workspaces(),
    queryFn: () => api!.listWorkspaces(),
    enabled: api !== undefined,
  });
  const bound = host?.teamId ? workspaces.data?.find((w) => w.teamId === host.teamId) : undefined;
  useEffect(() => {
    if (!host) return;
    host.config.setValid(bound !== undefined);
    if (bound) host.config.onSave(async () => tabSettings(origin, bound));
  }, [host, bound, origin]);

  return (
    <main className={styles.page}>
      <Title2 as="h1">{t('config.heading')}</Title2>
      {!host ? (
        <Text>{t('config.outsideTeams')}</Text>
      ) : workspaces.isPending ? (
        <LoadingState />
      ) : workspaces.isError ? (
        <ErrorState error={workspaces.error} onRetry={() => void workspaces.refetch()} />
      ) : bound ? (
        <MessageBar intent="success">
          <MessageBarBody>{t('config.bound', { name: bound.name })}</MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('config.notBoundTitle')}</MessageBarTitle>
            {t(host.teamId ? 'config.notBound' : 'config.noTeam')}
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
