import { useCallback, useEffect, useState } from 'react';
import { parseHash, routeHash, type Route } from './routes';

export type RouteState = {
  readonly route: Route;
  readonly navigate: (route: Route) => void;
};

/** The route in the address bar, kept in step with back/forward and links. */
export function useRoute(win: Window = window): RouteState {
  const [route, setRoute] = useState<Route>(() => parseHash(win.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseHash(win.location.hash));
    win.addEventListener('hashchange', follow);
    return () => win.removeEventListener('hashchange', follow);
  }, [win]);
  const navigate = useCallback(
    (next: Route) => {
      const hash = routeHash(next);
      if (win.location.hash !== hash) win.location.hash = hash;
      setRoute(next);
    },
    [win],
  );
  return { route, navigate };
}
