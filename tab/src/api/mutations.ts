import type { Activity, ConvertLeadInput, Lead, MemberRole, Opportunity } from '@crm/shared';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ImportKind } from '@crm/shared';
import type {
  ApiClient,
  ImportChoices,
  OwnedPlural,
  RecordPlural,
  WithEtag,
  WorkspaceSummary,
} from './api-client';
import { isStale } from './api-error';
import { useApi } from './ApiContext';
import { queryKeys } from './query-keys';

/**
 * When a write refreshes what it touched: after success; also after a 412 (the page's copy is
 * out of date either way, and it should show the current one); whatever the outcome; or after
 * success without waiting, when the refresh would unmount the control that wrote.
 */
type Refresh = 'success' | 'success-or-stale' | 'settled' | 'success-in-background';

type Write<V, R> = {
  readonly run: (api: ApiClient, variables: V) => Promise<R>;
  /** The query-key prefixes the write makes stale. */
  readonly touches: (variables: V, result: R | undefined) => readonly QueryKey[];
  readonly refresh: Refresh;
};

/**
 * One API write as a TanStack mutation that refreshes what it changed. `mutateAsync` settles
 * after the refresh (except in the background mode), so whoever awaits it sees fresh data.
 */
function useWrite<V, R>({ run, touches, refresh }: Write<V, R>) {
  const api = useApi();
  const queryClient = useQueryClient();
  const invalidate = (keys: readonly QueryKey[]) =>
    Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  return useMutation({
    mutationFn: (variables: V) => run(api, variables),
    // The client reports an unreachable server itself (NETWORK.UNAVAILABLE); never wait to be online.
    networkMode: 'always',
    onSettled: async (result, error, variables) => {
      const keys = touches(variables, result);
      if (refresh === 'success-in-background') {
        if (!error) void invalidate(keys);
        return;
      }
      if (!error || refresh === 'settled' || (refresh === 'success-or-stale' && isStale(error)))
        await invalidate(keys);
    },
  });
}

/** A record of one kind, from its input. */
export const useCreateRecord = <T>(ws: string, plural: RecordPlural) =>
  useWrite({
    run: (api, input: unknown) => api.create<T>(ws, plural, input),
    touches: () => [queryKeys.kind(ws, plural)],
    refresh: 'success',
  });

export type RecordChange<T> = { readonly record: WithEtag<T>; readonly patch: Record<string, unknown> };

/** A change of a record as read (its ETag goes as If-Match). */
export const useUpdateRecord = <T extends { id: string }>(ws: string, plural: RecordPlural) =>
  useWrite({
    run: (api, { record, patch }: RecordChange<T>) => api.update<T>(ws, plural, record, patch),
    touches: () => [queryKeys.kind(ws, plural)],
    refresh: 'success-or-stale',
  });

/** Into the recycle bin. */
export const useDeleteRecord = (ws: string, plural: RecordPlural) =>
  useWrite({
    run: (api, record: { id: string; etag: string }) => api.remove(ws, plural, record),
    touches: () => [queryKeys.kind(ws, plural)],
    refresh: 'success-or-stale',
  });

/**
 * An activity write also rewrites the next and last activity of the lead or deal it is about, so the
 * lists that show those (and My day, which is kept with the activities) refresh with it.
 */
const activityTouches = (ws: string) => () =>
  (['activities', 'leads', 'opportunities'] as const).map((plural) => queryKeys.kind(ws, plural));

/** A new activity, planned or done. */
export const useCreateActivity = (ws: string) =>
  useWrite({
    run: (api, input: unknown) => api.create<Activity>(ws, 'activities', input),
    touches: activityTouches(ws),
    refresh: 'success',
  });

type ActivityRef = { readonly id: string; readonly etag: string };

/** Done in one click; refreshed after a refusal too, so the view shows the activity as it now is. */
export const useCompleteActivity = (ws: string) =>
  useWrite({
    run: (api, activity: ActivityRef) => api.completeActivity(ws, activity),
    touches: activityTouches(ws),
    refresh: 'settled',
  });

export const useReopenActivity = (ws: string) =>
  useWrite({
    run: (api, activity: ActivityRef) => api.reopenActivity(ws, activity),
    touches: activityTouches(ws),
    refresh: 'settled',
  });

/** Another day for an open activity. */
export const useRescheduleActivity = (ws: string) =>
  useWrite({
    run: (api, { activity, dueAt }: { activity: ActivityRef; dueAt: string }) =>
      api.rescheduleActivity(ws, activity, dueAt),
    touches: activityTouches(ws),
    refresh: 'settled',
  });

/** Several records to another owner; each may fail alone (the answer lists why). */
export const useReassign = (ws: string, plural: OwnedPlural) =>
  useWrite({
    run: (api, { ownerId, records }: { ownerId: string; records: readonly ActivityRef[] }) =>
      api.reassign(ws, plural, ownerId, records),
    touches: () => [queryKeys.kind(ws, plural)],
    refresh: 'settled',
  });

/** Merges `loser` into `survivor` (both with the ETag read); what pointed at the loser now points at the survivor. */
export const useMerge = <T>(ws: string, plural: 'organisations' | 'contacts') =>
  useWrite({
    run: (
      api,
      { survivor, loser }: { survivor: { id: string; etag: string }; loser: { id: string; etag: string } },
    ) => api.merge<T>(ws, plural, survivor, loser),
    touches: () => [
      ...(['organisations', 'contacts', 'opportunities', 'activities', 'leads'] as const).map((p) =>
        queryKeys.kind(ws, p),
      ),
      queryKeys.recycleBin(ws),
    ],
    // A 412 says one of them changed since: the lists show the current ones either way.
    refresh: 'settled',
  });

export type BinEntry = { readonly plural: RecordPlural; readonly id: string };

/** Back from the recycle bin, into its kind's lists. */
export const useRestoreRecord = (ws: string) =>
  useWrite({
    run: (api, { plural, id }: BinEntry) => api.restore(ws, plural, id),
    touches: ({ plural }) => [queryKeys.recycleBin(ws), queryKeys.kind(ws, plural)],
    refresh: 'settled',
  });

/** Out of the recycle bin for good. */
export const usePurgeRecord = (ws: string) =>
  useWrite({
    run: (api, { plural, id }: BinEntry) => api.purge(ws, plural, id),
    touches: () => [queryKeys.recycleBin(ws)],
    refresh: 'settled',
  });

/** A Teams channel no longer hears the workspace's news (guarded by the ETag it was listed with). */
export const useRemoveChannel = (ws: string) =>
  useWrite({
    run: (api, channel: { conversationId: string; etag: string }) => api.removeChannel(ws, channel),
    touches: () => [queryKeys.channels(ws)],
    refresh: 'success-or-stale',
  });

/** A notification the bot gave up on goes back to be sent again. */
export const useRequeueUndelivered = (ws: string) =>
  useWrite({
    run: (api, eventId: string) => api.requeueUndelivered(ws, eventId),
    touches: () => [queryKeys.undelivered(ws)],
    refresh: 'settled',
  });

/** The lead, and the organisation, contact and deal it became. */
export const useConvertLead = (ws: string) =>
  useWrite({
    run: (api, { id, input }: { id: string; input: Partial<ConvertLeadInput> }) =>
      api.convertLead(ws, id, input),
    touches: () =>
      (['leads', 'organisations', 'contacts', 'opportunities'] as const).map((plural) =>
        queryKeys.kind(ws, plural),
      ),
    // The lead leaves the open statuses, so its convert button (and dialog) goes with the refresh.
    refresh: 'success-in-background',
  });

export const useDisqualifyLead = (ws: string) =>
  useWrite({
    run: (api, { lead, reason }: { lead: WithEtag<Lead>; reason: string }) =>
      api.disqualifyLead(ws, lead, reason),
    touches: () => [queryKeys.kind(ws, 'leads')],
    refresh: 'success-or-stale',
  });

/** A disqualified lead reopened on the version shown; a stale page shows the lead as it is now. */
export const useReopenLead = (ws: string) =>
  useWrite({
    run: (api, lead: WithEtag<Lead>) => api.reopenLead(ws, lead),
    touches: () => [queryKeys.kind(ws, 'leads')],
    refresh: 'success-or-stale',
  });

/** A lead a bulk change could not change, and why. */
export type LeadRefusal = { readonly lead: WithEtag<Lead>; readonly error: unknown };

/**
 * One status for several leads; each change stands alone, the lists refresh once. Answers how many
 * changed and which were refused with the server's answer, so the view can say which and why.
 */
export const useSetLeadsStatus = (ws: string) =>
  useWrite({
    run: async (api, { leads, status }: { leads: readonly WithEtag<Lead>[]; status: string }) => {
      const outcomes = await Promise.all(
        leads.map((lead) =>
          api.updateLead(ws, lead, { status }).then(
            () => undefined,
            (error: unknown): LeadRefusal => ({ lead, error }),
          ),
        ),
      );
      const refused = outcomes.filter((outcome): outcome is LeadRefusal => outcome !== undefined);
      return { changed: leads.length - refused.length, refused };
    },
    touches: () => [queryKeys.kind(ws, 'leads')],
    refresh: 'success',
  });

export type StageMove = {
  readonly deal: WithEtag<Opportunity>;
  readonly stage: string;
  /** What the move must carry: a lost reason, `reopen`. */
  readonly extra?: Record<string, unknown>;
};

/** A deal to another stage: its lists and every report; after a refusal too, so the card goes back. */
export const useMoveStage = (ws: string) =>
  useWrite({
    run: (api, { deal, stage, extra }: StageMove) =>
      api.update(ws, 'opportunities', deal, { stage, ...extra }),
    touches: () => [queryKeys.kind(ws, 'opportunities'), queryKeys.reports(ws)],
    refresh: 'settled',
  });

export const useCreateWorkspace = () =>
  useWrite({
    run: (api, name: string) => api.createWorkspace(name),
    touches: () => [queryKeys.workspaces()],
    refresh: 'success',
  });

/** Name, currency, stale days, stages. */
export const useUpdateWorkspace = (ws: string) =>
  useWrite({
    run: (
      api,
      { workspace, patch }: { workspace: WithEtag<WorkspaceSummary>; patch: Record<string, unknown> },
    ) => api.updateWorkspace(ws, workspace, patch),
    // The switcher and the picker show its name from the list of workspaces.
    touches: () => [queryKeys.workspace(ws), queryKeys.workspaces()],
    refresh: 'success-or-stale',
  });

export const useAddMember = (ws: string) =>
  useWrite({
    run: (api, member: { userId: string; role: MemberRole; name?: string }) => api.addMember(ws, member),
    touches: () => [queryKeys.members(ws)],
    refresh: 'settled',
  });

export const useChangeMemberRole = (ws: string) =>
  useWrite({
    run: (api, { userId, role }: { userId: string; role: MemberRole }) =>
      api.changeMemberRole(ws, userId, role),
    touches: () => [queryKeys.members(ws)],
    refresh: 'settled',
  });

export const useRemoveMember = (ws: string) =>
  useWrite({
    run: (api, userId: string) => api.removeMember(ws, userId),
    touches: () => [queryKeys.members(ws)],
    refresh: 'settled',
  });

/** A CSV upload: a small file's leads are in at once; a large one's when its job completes. */
export const useImportLeads = (ws: string) =>
  useWrite({
    run: (api, csv: Blob | string) => api.importLeads(ws, csv),
    touches: (_csv, answer) => (answer?.kind === 'done' ? [queryKeys.kind(ws, 'leads')] : []),
    refresh: 'success',
  });

/** The plural of what an import writes: the list it refreshes. */
const IMPORTED: Readonly<Record<ImportKind, RecordPlural>> = {
  lead: 'leads',
  organisation: 'organisations',
  contact: 'contacts',
  opportunity: 'opportunities',
};

/** A background import completed: its records are in the lists now. */
export function useImportCompleted(ws: string, kind: ImportKind = 'lead') {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.kind(ws, IMPORTED[kind]) });
}

/** Uploads a file to be previewed: nothing is written yet. */
export const usePreviewImport = (ws: string) =>
  useWrite({
    run: (api, { kind, file }: { kind: ImportKind; file: Blob | string }) =>
      api.previewImport(ws, kind, file),
    touches: () => [],
    refresh: 'success',
  });

/** The preview again with a changed mapping. */
export const useRecheckImport = (ws: string) =>
  useWrite({
    run: (api, { previewId, choices }: { previewId: string; choices: ImportChoices }) =>
      api.recheckImport(ws, previewId, choices),
    touches: () => [],
    refresh: 'success',
  });

/** Imports a previewed file: a small one's records are in at once; a large one's when its job completes. */
export const useStartImport = (ws: string, kind: ImportKind) =>
  useWrite({
    run: (api, { previewId, choices }: { previewId: string; choices: ImportChoices }) =>
      api.startImport(ws, previewId, choices),
    touches: (_v, answer) => (answer?.kind === 'done' ? [queryKeys.kind(ws, IMPORTED[kind])] : []),
    refresh: 'success',
  });
