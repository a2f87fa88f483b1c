/**
 * The parts of `@microsoft/teams-js` the tab uses, and only those: the bundle then carries about a
 * third of the SDK (19 KB gzipped instead of 57), which keeps the first screen inside Teams in budget.
 * Loaded only where Teams may be hosting the tab (`mayBeTeams` in `teams-host.ts`).
 */
export { app, authentication, pages } from '@microsoft/teams-js';
