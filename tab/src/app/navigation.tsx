import { createContext, useContext, type ReactNode } from 'react';
import { routeHash, type Route, type ViewId } from './routes';

export type Navigation = {
  readonly workspaceId: string;
  readonly href: (view: ViewId, recordId?: string) => string;
  readonly go: (view: ViewId, recordId?: string) => void;
};

const NavigationContext = createContext<Navigation | undefined>(undefined);

export type NavigationProviderProps = {
  readonly workspaceId: string;
  readonly navigate: (route: Route) => void;
  readonly children: ReactNode;
};

/** Links between records (an organisation's contacts, a contact's organisation) go through this. */
export function NavigationProvider({ workspaceId, navigate, children }: NavigationProviderProps) {
  const value: Navigation = {
    workspaceId,
    href: (view, recordId) => routeHash({ workspaceId, view, ...(recordId ? { recordId } : {}) }),
    go: (view, recordId) => navigate({ workspaceId, view, ...(recordId ? { recordId } : {}) }),
  };
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

/** Outside a provider (a view rendered alone in a test), links are inert hashes and `go` does nothing. */
export function useNavigation(): Navigation {
  return (
    useContext(NavigationContext) ?? {
      workspaceId: '',
      href: (view, recordId) => `#/${view}${recordId ? '/' + recordId : ''}`,
      go: () => undefined,
    }
  );
}
