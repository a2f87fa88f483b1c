import { Button, Text } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import type { ShareDeepLink } from '../teams/teams-host';
import { WorkspacePicker } from '../workspaces/WorkspacePicker';
import { useAppStyles } from './App.styles';
import { NavigationProvider } from './navigation';
import { NavMenu } from './NavMenu';
import { RecordLinkProvider } from './record-link';
import { deepLinkRoute, DEFAULT_VIEW, OWNER_VIEWS, type Route } from './routes';
import { useShellStyles } from './Shell.styles';
import { EmptyState, ErrorState, LoadingState } from './StateViews';
import { ViewBoundary } from './ViewBoundary';
import { VIEWS } from './views';

export type WorkspaceAreaProps = {
  readonly route: Route;
  readonly navigate: (route: Route) => void;
  /** A Teams deep link's target (`<ws>/leads/L1`, or `leads/L1` in the tab's workspace), followed once. */
  readonly subPageId?: string;
  /** Teams' "Copy link" (`pages.shareDeepLink`), inside Teams. */
  readonly shareDeepLink?: (link: ShareDeepLink) => void;
};

/** The chosen workspace: navigation and the routed view; without one, the workspace picker. */
export function WorkspaceArea({ route, navigate, subPageId, shareDeepLink }: WorkspaceAreaProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useAppStyles();
  const shell = useShellStyles();
  const workspaces = useQuery({ queryKey: queryKeys.workspaces(), queryFn: () => api.listWorkspaces() });
  const followed = useRef(false);
  useEffect(() => {
    if (followed.current || !subPageId) return;
    const target = deepLinkRoute(subPageId, route.workspaceId);
    if (!target) return;
    followed.current = true;
    navigate(target);
  }, [subPageId, route.workspaceId, navigate]);

  const pick = (
    <WorkspacePicker onPick={(workspace) => navigate({ workspaceId: workspace.id, view: DEFAULT_VIEW })} />
  );
  if (!route.workspaceId) return pick;
  if (workspaces.isPending) return <LoadingState />;
  if (workspaces.isError)
    return <ErrorState error={workspaces.error} onRetry={() => void workspaces.refetch()} />;
  const workspace = workspaces.data.find((w) => w.id === route.workspaceId);
  if (!workspace)
    return (
      <>
        <ErrorState error={new ApiError(404, 'WORKSPACE.NOT_FOUND')} />
        {pick}
      </>
    );

  const isOwner = workspace.role === 'owner';
  const View = VIEWS[route.view];
  return (
    <NavigationProvider workspaceId={workspace.id} navigate={navigate}>
      <RecordLinkProvider {...(shareDeepLink ? { shareDeepLink } : {})}>
        <div className={styles.header}>
          <Text weight="semibold">{workspace.name}</Text>
          <Button onClick={() => navigate({ view: DEFAULT_VIEW })}>{t('workspaces.change')}</Button>
        </div>
        <div className={shell.frame}>
          <NavMenu workspaceId={workspace.id} current={route.view} isOwner={isOwner} />
          <div className={shell.content}>
            <ViewBoundary resetKey={`${route.view}/${route.recordId ?? ''}`}>
              <Suspense fallback={<LoadingState />}>
                {OWNER_VIEWS.has(route.view) && !isOwner ? (
                  <EmptyState text={t('app.ownersOnly')} />
                ) : (
                  <View
                    key={`${route.view}/${route.recordId ?? ''}`}
                    workspaceId={workspace.id}
                    {...(route.recordId ? { recordId: route.recordId } : {})}
                  />
                )}
              </Suspense>
            </ViewBoundary>
          </div>
        </div>
      </RecordLinkProvider>
    </NavigationProvider>
  );
}
