import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { NavigateOptions } from './useRoute';
import { routeHash, type Route, type RouteQuery, type ViewId } from './routes';

export type Navigation = {
  readonly workspaceId: string;
  readonly href: (view: ViewId, recordId?: string, query?: RouteQuery) => string;
  readonly go: (view: ViewId, recordId?: string, query?: RouteQuery) => void;
  /** The current view's query: a list's search, filters and sort, as the address holds them. */
  readonly query: RouteQuery;
  /** A new query for the current view (the history entry is replaced, not added to). */
  readonly setQuery: (query: RouteQuery) => void;
};

const NavigationContext = createContext<Navigation | undefined>(undefined);

export type NavigationProviderProps = {
  readonly workspaceId: string;
  readonly navigate: (route: Route, options?: NavigateOptions) => void;
  /** The route shown; without one (a view alone in a spec) the query lives in the provider. */
  readonly route?: Route;
  readonly children: ReactNode;
};

const EMPTY: RouteQuery = {};

/** Links between records, and a list's state in the address, go through this. */
export function NavigationProvider({ workspaceId, navigate, route, children }: NavigationProviderProps) {
  const [localQuery, setLocalQuery] = useState<RouteQuery>(EMPTY);
  const query = route ? (route.query ?? EMPTY) : localQuery;
  const value = useMemo<Navigation>(() => {
    const to = (view: ViewId, recordId?: string, q?: RouteQuery): Route => ({
      workspaceId,
      view,
      ...(recordId ? { recordId } : {}),
      ...(q && Object.keys(q).length ? { query: q } : {}),
    });
    return {
      workspaceId,
      href: (view, recordId, q) => routeHash(to(view, recordId, q)),
      go: (view, recordId, q) => navigate(to(view, recordId, q)),
      query,
      setQuery: (next) => {
        if (!route) return setLocalQuery(next);
        navigate(to(route.view, route.recordId, next), { replace: true });
      },
    };
  }, [workspaceId, navigate, route, query]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

/** Outside a provider (a view rendered alone in a test), links are inert hashes and `go` does nothing. */
export function useNavigation(): Navigation {
  return (
    useContext(NavigationContext) ?? {
      workspaceId: '',
      href: (view, recordId) => `#/${view}${recordId ? '/' + recordId : ''}`,
      go: () => undefined,
      query: EMPTY,
      setQuery: () => undefined,
    }
  );
}
