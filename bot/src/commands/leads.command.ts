import type { Lead, Result } from '@crm/shared';
import { listRecords, type AppDeps, type Caller, type WorkspaceView } from '@crm/shared/application';
import { leadsCard } from '../cards/leads-card';
import type { BotReply } from '../conversation/chat-message';
import type { Localized } from '../messages/translator';

export const CARD_ROWS = 10;
/** What "open leads" means in a list: not yet converted or disqualified. */
const OPEN_LEAD_STATUSES = ['open-not-contacted', 'working-contacted'] as const;

/** `leads`: the most recently touched open leads; `leads <search>`: the leads that match, any status. */
export async function leadsCommand(
  deps: AppDeps,
  caller: Caller,
  workspace: WorkspaceView,
  localized: Localized,
  search: string | undefined,
): Promise<Result<BotReply>> {
  const ws = workspace.record.id;
  const pages = search
    ? [await listRecords(deps, caller, ws, 'lead', { q: search, limit: CARD_ROWS + 1 })]
    : await Promise.all(
        OPEN_LEAD_STATUSES.map((status) =>
          listRecords(deps, caller, ws, 'lead', { limit: CARD_ROWS + 1, filters: { status } }),
        ),
      );
  const leads: Lead[] = [];
  for (const page of pages) {
    if (!page.ok) return page;
    leads.push(...page.value.items.map((item) => item.record));
  }
  if (!search) leads.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const { t } = localized;
  const heading = search
    ? t('leads.searchTitle', { search, workspace: workspace.record.name })
    : t('leads.openTitle', { workspace: workspace.record.name });
  const shown = leads.slice(0, CARD_ROWS);
  const card = leadsCard(localized, { heading, leads: shown, more: leads.length > CARD_ROWS });
  return { ok: true, value: { kind: 'card', card, summary: heading } };
}
