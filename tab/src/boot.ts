/**
 * The page's entry module. It imports nothing statically, so it runs as soon as it arrives and starts
 * what the first screen needs side by side: the app (whose chunks the shell already preloads, see
 * tab/server/routes/page-routes.ts) and, where Teams may be hosting the page, the connection to
 * Teams — the SDK, its handshake and the SSO token — which the app would otherwise start only once it
 * had loaded and rendered; the app picks up the same connection (`connectTeamsOnce`). The test is
 * `mayBeTeams` of teams/teams-host.ts, written out: importing it would make this module wait for it.
 * Framed: Teams on the web and the desktop; `nativeInterface`: Teams' mobile apps (a top-level web view).
 */
if (window.self !== window.top || (window as { nativeInterface?: unknown }).nativeInterface !== undefined)
  void import('./teams/teams-host').then((teams) => teams.connectTeamsOnce()).catch(() => undefined);

import('./main').catch(() => {
  // Nothing of the app ran (a network failure): say so rather than leave a blank tab.
  const root = document.getElementById('root');
  if (root) root.textContent = 'Pipeline CRM could not load. Check the connection and reload the page.';
});
