import {
  getRecord,
  getWorkspace,
  listMyWorkspaces,
  listRecords,
  type WorkspaceView,
} from '@crm/shared/application';
import { recordCard, type AnyShownRecord } from '../cards/record-card';
import type { ComposeQuery, ComposeResult } from '../chat/bot-handlers';
import { conversationKind } from './audience';
import { actorOf, type ConversationDeps } from './handle-message';

const PER_KIND = 5;
const KINDS = ['lead', 'organisation', 'opportunity'] as const;
/** `/workspaces/{ws}/{leads|organisations|opportunities}/{id}` anywhere in a tab link (path or hash). */
const LINK =
  /\/workspaces\/([A-Za-z0-9_-]{1,256})\/(leads|organisations|opportunities)\/([A-Za-z0-9_-]{1,256})/;
const KIND_OF = { leads: 'lead', organisations: 'organisation', opportunities: 'opportunity' } as const;

/**
 * Compose-box search over leads, organisations and deals (the workspace of this team, or every
 * workspace of the user in a chat) and unfurling of the tab's links. Every read goes through the use
 * cases, so non-members find nothing and a link to another workspace unfurls to nothing.
 */
export async function handleCompose(
  deps: ConversationDeps,
  query: ComposeQuery,
): Promise<readonly ComposeResult[]> {
  const actor = actorOf(query.from, deps.tenantId);
  // A shared or private channel's people are not the team's: nothing to insert there.
  if (!actor || conversationKind(query.from) === 'restrictedChannel') return [];
  const localized = deps.translator.forLocale(query.from.locale);
  const show = (workspace: WorkspaceView, shown: AnyShownRecord): ComposeResult =>
    recordCard(localized, shown, { name: workspace.record.name, stages: workspace.record.settings.stages });
  try {
    if (query.kind === 'link') {
      const match = LINK.exec(query.url);
      if (!match) return [];
      const [, ws = '', plural = 'leads', id = ''] = match;
      const workspace = await getWorkspace(deps.app, actor, ws);
      if (!workspace.ok) return [];
      const kind = KIND_OF[plural as keyof typeof KIND_OF];
      const record = await getRecord(deps.app, { actor }, ws, kind, id);
      return record.ok
        ? [show(workspace.value, { kind, record: record.value.record } as AnyShownRecord)]
        : [];
    }
    const text = query.text.trim();
    if (!text) return [];
    const workspaces = await searchable(deps, actor, query.from.teamId);
    const results: ComposeResult[] = [];
    for (const workspace of workspaces) {
      for (const kind of KINDS) {
        const page = await listRecords(deps.app, { actor }, workspace.record.id, kind, {
          q: text,
          limit: PER_KIND,
        });
        if (!page.ok) continue;
        for (const item of page.value.items)
          results.push(show(workspace, { kind, record: item.record } as AnyShownRecord));
      }
    }
    return results.slice(0, 25);
  } catch (error) {
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
