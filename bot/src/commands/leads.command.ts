import { LEAD_STATUSES, type Lead, type LeadStatus, type Result } from '@crm/shared';
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

/** A status named by its id or its label in the user's language ("leads Working – Contacted"). */
function statusNamed({ t }: Localized, text: string | undefined): LeadStatus | undefined {
  const wanted = text?.trim().toLowerCase();
  return LEAD_STATUSES.find((s) => s === wanted || t(`leadStatus.${s}`).toLowerCase() === wanted);
}

/**
 * `leads`: the most recently touched open leads; `leads <status>`: the leads in that status;
 * `leads <search>`: the leads that match, any status.
 */
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
  const status = statusNamed(localized, search);
  const page = status
    ? await listRecords(deps, caller, ws, 'lead', { filters: { status }, limit })
    : search
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
