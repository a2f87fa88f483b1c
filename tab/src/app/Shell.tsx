import { Spinner } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { ApiProvider } from '../api/ApiContext';
import { workspacesQuery } from '../api/query-keys';
import { clearDevSession, loadDevSession, saveDevSession, type DevSession } from '../auth/dev-session';
import { SignInForm } from '../auth/SignInForm';
import type { GetToken } from '../teams/teams-host';
import { AppFrame } from './AppFrame';
import { ToastProvider } from './Toasts';
import { useRoute } from './useRoute';
import type { TeamsState } from './useTeamsHost';
import { lazyView } from './lazy-view';
import { LoadingState } from './StateViews';

/**
 * The signed-in part (workspaces, views, the records table) is a chunk of its own, so the sign-in form
 * and Teams' connecting state render without waiting for it to run. The shell preloads its modules
 * from the start (tab/server/bundle/browser-bundle.ts `PRELOADED_MODULES`), so by the time someone has
 * signed in it is loaded.
 */
const WorkspaceArea = lazyView(() => import('./WorkspaceArea').then((m) => ({ default: m.WorkspaceArea })));

export type ShellProps = { readonly teams: TeamsState };

type Session = { readonly getToken: GetToken; readonly name?: string };

/**
 * The browser's local storage, if the page may use it: reading `window.localStorage` throws where the
 * browser denies storage to a framed page (Teams in a browser that blocks third-party storage).
 */
const storage = (): Storage | undefined => {
  try {
    return window.localStorage ?? undefined;
  } catch {
    return undefined;
  }
};

/**
 * Signs the user in (Teams SSO, or the local sign-in outside Teams, kept across reloads for its
 * token's lifetime), then the workspace and its views.
 */
export function Shell({ teams }: ShellProps) {
  const { t } = useTranslation();
  const { route, navigate } = useRoute();
  const [devSession, setDevSession] = useState<DevSession | undefined>(() => {
    const store = storage();
    return store && loadDevSession(store, Date.now());
  });
  const signOut = useCallback(() => {
    const store = storage();
    if (store) clearDevSession(store);
    setDevSession(undefined);
  }, []);
  const host = teams.host;
  const session = useMemo<Session | undefined>(() => {
    if (host) return { getToken: host.getToken, ...(host.userName ? { name: host.userName } : {}) };
    if (!devSession) return undefined;
    return {
      name: devSession.name,
      // A dev token cannot be renewed: refused (the server restarted with new keys), sign in again.
      getToken: async (request) => {
        if (!request?.refresh) return devSession.token;
        signOut();
        throw new ApiError(401, 'AUTH.UNAUTHENTICATED');
      },
    };
  }, [host, devSession, signOut]);
  const api = useMemo(
    () => (session ? createApiClient({ getToken: session.getToken }) : undefined),
    [session],
  );
  // The signed-in part's first question, asked now beside its chunk rather than after it has rendered.
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!api) return;
    void queryClient.prefetchQuery(workspacesQuery(api));
  }, [api, queryClient]);

  if (teams.connecting) return <Spinner label={t('app.loading')} />;
  if (!api)
    return (
      <AppFrame inTeams={false}>
        <SignInForm
          onSignedIn={(token, identity) => {
            const store = storage();
            const kept = store && saveDevSession(store, token, identity.name);
            setDevSession(kept ?? { token, name: identity.name, expiresAt: Number.POSITIVE_INFINITY });
          }}
        />
      </AppFrame>
    );
  return (
    <ApiProvider client={api}>
      <ToastProvider>
        <Suspense fallback={<LoadingState />}>
          <WorkspaceArea
            route={route}
            navigate={navigate}
            inTeams={Boolean(host)}
            {...(session?.name ? { person: session.name } : {})}
            {...(host ? {} : { onSignOut: signOut })}
            {...(host?.subPageId ? { subPageId: host.subPageId } : {})}
            {...(host?.shareDeepLink ? { shareDeepLink: host.shareDeepLink } : {})}
          />
        </Suspense>
      </ToastProvider>
    </ApiProvider>
  );
}
