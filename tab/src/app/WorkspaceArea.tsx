import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { workspacesQuery } from '../api/query-keys';
import type { ShareDeepLink } from '../teams/teams-host';
import { WorkspacePicker } from '../workspaces/WorkspacePicker';
import { AppFrame } from './AppFrame';
import { GlobalSearch } from './GlobalSearch';
import { NavigationProvider } from './navigation';
import { NavMenu, NavMenuButton } from './NavMenu';
import { PersonMenu } from './PersonMenu';
import { RecordLinkProvider } from './record-link';
import { deepLinkRoute, DEFAULT_VIEW, OWNER_VIEWS, type Route } from './routes';
import { EmptyState, ErrorState, LoadingState } from './StateViews';
import type { NavigateOptions } from './useRoute';
import { ViewBoundary } from './ViewBoundary';
import { VIEWS } from './views';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

export type WorkspaceAreaProps = {
  readonly route: Route;
  readonly navigate: (route: Route, options?: NavigateOptions) => void;
  /** A Teams deep link's target (`<ws>/leads/L1`, or `leads/L1` in the tab's workspace), followed once. */
  readonly subPageId?: string;
  /** Teams' "Copy link" (`pages.shareDeepLink`), inside Teams. */
  readonly shareDeepLink?: (link: ShareDeepLink) => void;
  /** In Teams (no product mark, no sign-out). */
  readonly inTeams?: boolean;
  /** Who is signed in. */
  readonly person?: string;
  readonly onSignOut?: () => void;
};

/** The chosen workspace in the app's frame: header, navigation and the routed view; else the picker. */
export function WorkspaceArea({
  route,
  navigate,
  subPageId,
  shareDeepLink,
  inTeams = false,
  person,
  onSignOut,
}: WorkspaceAreaProps) {
  const { t } = useTranslation();
  const api = useApi();
  const workspaces = useQuery(workspacesQuery(api));
  const followed = useRef(false);
  useEffect(() => {
    if (followed.current || !subPageId) return;
    const target = deepLinkRoute(subPageId, route.workspaceId);
    if (!target) return;
    followed.current = true;
    navigate(target);
  }, [subPageId, route.workspaceId, navigate]);

  const end = <PersonMenu {...(person ? { name: person } : {})} {...(onSignOut ? { onSignOut } : {})} />;
  const frame = (children: React.ReactNode) => (
    <AppFrame inTeams={inTeams} end={end}>
      {children}
    </AppFrame>
  );
  const pick = (
    <WorkspacePicker onPick={(workspace) => navigate({ workspaceId: workspace.id, view: DEFAULT_VIEW })} />
  );
  if (!route.workspaceId) return frame(pick);
  if (workspaces.isPending) return frame(<LoadingState />);
  if (workspaces.isError)
    return frame(<ErrorState error={workspaces.error} onRetry={() => void workspaces.refetch()} />);
  const workspace = workspaces.data.find((w) => w.id === route.workspaceId);
  if (!workspace)
    return frame(
      <>
        <ErrorState error={new ApiError(404, 'WORKSPACE.NOT_FOUND')} />
        {pick}
      </>,
    );

  const isOwner = workspace.role === 'owner';
  const View = VIEWS[route.view];
  const nav = { workspaceId: workspace.id, current: route.view, isOwner };
  return (
    <NavigationProvider workspaceId={workspace.id} navigate={navigate} route={route}>
      <RecordLinkProvider {...(shareDeepLink ? { shareDeepLink } : {})}>
        <AppFrame
          inTeams={inTeams}
          start={
            <>
              <NavMenuButton {...nav} />
              <WorkspaceSwitcher
                current={workspace}
                workspaces={workspaces.data}
                onPick={(picked) => navigate({ workspaceId: picked.id, view: route.view })}
                onManage={() => navigate({ view: DEFAULT_VIEW })}
              />
            </>
          }
          search={<GlobalSearch workspaceId={workspace.id} />}
          end={end}
          nav={<NavMenu {...nav} />}
        >
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
        </AppFrame>
      </RecordLinkProvider>
    </NavigationProvider>
  );
}
