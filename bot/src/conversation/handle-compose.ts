import { isStorageBusy } from '@crm/shared';
import {
  getRecord,
  getWorkspace,
  listMyWorkspaces,
  listRecords,
  type WorkspaceView,
} from '@crm/shared/application';
import { parseRecordLink } from '@crm/shared';
import { recordCard, type AnyShownRecord } from '../cards/record-card';
import type { ComposeQuery, ComposeResult } from '../chat/bot-handlers';
import { conversationKind } from './audience';
import { actorOf, type ConversationDeps } from './handle-message';

const PER_KIND = 5;
const KINDS = ['lead', 'organisation', 'contact', 'opportunity'] as const;
/** The search command's `kind` choices (the user's words: a deal is an opportunity). */
const KIND_CHOICES: Readonly<Record<string, (typeof KINDS)[number]>> = {
  lead: 'lead',
  organisation: 'organisation',
  contact: 'contact',
  deal: 'opportunity',
};

/**
 * Compose-box search over leads, organisations, contacts and deals (the workspace of this team, or
 * every workspace of the user in a chat) and unfurling of links to a record the tab makes (its web URL
 * `…#/w/{ws}/{view}/{id}` or a Teams deep link to it, `parseRecordLink`). Every read goes through the
 * use cases, so non-members find nothing and a link to another workspace unfurls to nothing.
 */
export async function handleCompose(
  deps: ConversationDeps,
  query: ComposeQuery,
): Promise<readonly ComposeResult[]> {
  const actor = actorOf(query.from, deps.tenantId);
  // A shared or private channel's people are not the team's: nothing to insert there.
  if (!actor || conversationKind(query.from) === 'restrictedChannel') return [];
  const localized = deps.translator.forLocale(query.from.locale);
  const show = (workspace: WorkspaceView, shown: AnyShownRecord, stageView = false): ComposeResult =>
    recordCard(localized, shown, {
      id: workspace.record.id,
      name: workspace.record.name,
      stages: workspace.record.settings.stages,
      stageView,
      ...(deps.links ? { links: deps.links } : {}),
    });
  try {
    if (query.kind === 'link') {
      const link = parseRecordLink(query.url);
      if (!link || !(KINDS as readonly string[]).includes(link.kind)) return [];
      const workspace = await getWorkspace(deps.app, actor, link.workspaceId);
      if (!workspace.ok) return [];
      const record = await getRecord(deps.app, { actor }, link.workspaceId, link.kind, link.recordId);
      return record.ok
        ? [show(workspace.value, { kind: link.kind, record: record.value.record } as AnyShownRecord, true)]
        : [];
    }
    const text = query.text.trim();
    const only = query.recordKind ? KIND_CHOICES[query.recordKind.trim().toLowerCase()] : undefined;
    // Nothing typed: nothing found, unless a kind was asked for (Copilot: "my deals").
    if (!text && !only) return [];
    const workspaces = await searchable(deps, actor, query.from.teamId);
    const results: ComposeResult[] = [];
    for (const workspace of workspaces) {
      for (const kind of only ? [only] : KINDS) {
        const page = await listRecords(deps.app, { actor }, workspace.record.id, kind, {
          ...(text ? { q: text } : {}),
          limit: only ? PER_KIND * KINDS.length : PER_KIND,
        });
        if (!page.ok) continue;
        for (const item of page.value.items)
          results.push(show(workspace, { kind, record: item.record } as AnyShownRecord));
      }
    }
    return results.slice(0, 25);
  } catch (error) {
    // Answered (after retries) by the handlers' busy wrapper: `busy-storage.ts`.
    if (isStorageBusy(error)) throw error;
    deps.logger.error({ err: error, kind: query.kind }, 'compose query failed');
    return [];
  }
}

async function searchable(
  deps: ConversationDeps,
  actor: NonNullable<ReturnType<typeof actorOf>>,
  teamId: string | undefined,
): Promise<WorkspaceView[]> {
  if (teamId) {
    const bound = await deps.app.workspaces.findByTeam(actor.tenantId, teamId);
    const view = bound ? await getWorkspace(deps.app, actor, bound.id) : undefined;
    return view?.ok ? [view.value] : [];
  }
  const mine = await listMyWorkspaces(deps.app, actor);
  const views = await Promise.all(mine.slice(0, 5).map((m) => getWorkspace(deps.app, actor, m.workspace.id)));
  return views.flatMap((v) => (v.ok ? [v.value] : []));
}
