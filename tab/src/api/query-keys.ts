import type { ApiClient, ListQuery, MyDayQuery, RecordPlural } from './api-client';

/**
 * Every query key the tab uses, made here only (lint refuses a literal `queryKey: [...]`
 * elsewhere). A key starts with what it caches (a record kind's plural, `workspace`, `members`,
 * `reports`…) and then the workspace, so a prefix reaches a whole family: `kind(ws, plural)` is
 * every list, record, picker, match list and history of that kind, which a change of the kind
 * refreshes (`mutations.ts`).
 */

export const queryKeys = {
  /** The workspaces the user belongs to. */
  workspaces: () => ['workspaces'] as const,
  workspace: (ws: string) => ['workspace', ws] as const,
  members: (ws: string) => ['members', ws] as const,

  /** Everything of one kind in a workspace. */
  kind: (ws: string, plural: RecordPlural) => [plural, ws] as const,
  /** One list as a view asked for it (search, filters, sort), page after page. */
  list: (ws: string, plural: RecordPlural, query: ListQuery) => [plural, ws, 'list', query] as const,
  record: (ws: string, plural: RecordPlural, id: string) => [plural, ws, 'item', id] as const,
  /** The header's search across every kind: the first few hits of one kind. */
  search: (ws: string, plural: RecordPlural, q: string) => [plural, ws, 'search', q] as const,
  /** The records a form's reference field or a filter offers. */
  options: (ws: string, plural: RecordPlural) => [plural, ws, 'options'] as const,
  /** Organisation names beside deals (the opportunity views' lookups). */
  organisationNames: (ws: string) => ['organisations', ws, 'picker'] as const,
  /** The pipeline board (every column's first deals, counts and totals). */
  board: (ws: string, owner?: string) =>
    owner ? (['opportunities', ws, 'board', owner] as const) : (['opportunities', ws, 'board'] as const),
  stageHistory: (ws: string, opportunityId: string) =>
    ['opportunities', ws, 'history', opportunityId] as const,
  /** The records a merge dialog offers to merge with (a search of one kind). */
  mergeCandidates: (ws: string, plural: RecordPlural, query: ListQuery) =>
    [plural, ws, 'merge-candidates', query] as const,
  /** What points at a record a merge would move (one list of another kind, counted). */
  mergeMoves: (ws: string, plural: RecordPlural, query: ListQuery) =>
    [plural, ws, 'merge-moves', query] as const,
  conversionMatches: (ws: string, leadId: string) => ['leads', ws, 'matches', leadId] as const,
  /** A person's day (open activities), kept with the activities so every activity write refreshes it. */
  myDay: (ws: string, query: MyDayQuery) => ['activities', ws, 'my-day', query] as const,
  /** The campaigns report, kept with the campaigns it reports on. */
  campaignResults: (ws: string) => ['campaigns', ws, 'report'] as const,

  /** Every report of a workspace. */
  reports: (ws: string) => ['reports', ws] as const,
  report: (ws: string, name: string) => ['reports', ws, name] as const,
  recycleBin: (ws: string) => ['recycle-bin', ws] as const,
  /** The Teams channels that hear the workspace's news. */
  channels: (ws: string) => ['channels', ws] as const,
  /** Notifications the bot gave up on (dead letters). */
  undelivered: (ws: string) => ['undelivered', ws] as const,
  importJob: (ws: string, jobId: string | undefined) => ['imports', ws, jobId] as const,
};

/**
 * The signed-in person's workspaces, as the shell, the signed-in part and the picker ask for them. The
 * list changes when someone creates, renames or leaves one (each of which invalidates it), so the
 * shell's early fetch (Shell.tsx) counts as fresh when the others mount a moment later.
 */
export const workspacesQuery = (api: Pick<ApiClient, 'listWorkspaces'>) => ({
  queryKey: queryKeys.workspaces(),
  queryFn: () => api.listWorkspaces(),
  staleTime: 30_000,
});
