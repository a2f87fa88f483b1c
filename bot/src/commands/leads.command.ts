import type { Lead, Result } from '@crm/shared';
import {
  listOpenLeads,
  listRecords,
  type AppDeps,
  type Caller,
  type WorkspaceView,
} from '@crm/shared/application';
import { leadsCard } from '../cards/leads-card';
import type { BotReply } from '../conversation/chat-message';
import type { Localized } from '../messages/translator';

export const CARD_ROWS = 10;

/** `leads`: the most recently touched open leads; `leads <search>`: the leads that match, any status. */
export async function leadsCommand(
  deps: AppDeps,
  caller: Caller,
  workspace: WorkspaceView,
  localized: Localized,
  search: string | undefined,
): Promise<Result<BotReply>> {
  const ws = workspace.record.id;
  // One row more than the card shows tells whether there are more.
  const limit = CARD_ROWS + 1;
  const page = search
    ? await listRecords(deps, caller, ws, 'lead', { q: search, limit })
    : await listOpenLeads(deps, caller, ws, { limit });
  if (!page.ok) return page;
  const leads: Lead[] = page.value.items.map((item) => item.record);
  const { t } = localized;
  const heading = search
    ? t('leads.searchTitle', { search, workspace: workspace.record.name })
    : t('leads.openTitle', { workspace: workspace.record.name });
  const shown = leads.slice(0, CARD_ROWS);
  const card = leadsCard(localized, { heading, leads: shown, more: leads.length > CARD_ROWS });
  return { ok: true, value: { kind: 'card', card, summary: heading } };
}
