import { useCallback, useEffect, useState } from 'react';
import { parseHash, routeHash, type Route } from './routes';

export type NavigateOptions = {
  /**
   * Replace the current history entry instead of adding one: a list's search and filters change
   * the address as the user types, and Back should leave the list, not undo a keystroke.
   */
  readonly replace?: boolean;
};

export type RouteState = {
  readonly route: Route;
  readonly navigate: (route: Route, options?: NavigateOptions) => void;
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
    (next: Route, options: NavigateOptions = {}) => {
      const hash = routeHash(next);
      if (win.location.hash !== hash) {
        // replaceState fires no hashchange: the state below is what moves the view.
        if (options.replace) win.history.replaceState(win.history.state, '', hash);
        else win.location.hash = hash;
      }
      setRoute(parseHash(hash));
    },
    [win],
  );
  return { route, navigate };
}
