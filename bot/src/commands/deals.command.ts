import { openStages, type Opportunity, type Result } from '@crm/shared';
import { listRecords, type AppDeps, type Caller, type WorkspaceView } from '@crm/shared/application';
import { dealsCard } from '../cards/deals-card';
import type { BotReply } from '../conversation/chat-message';
import type { Localized } from '../messages/translator';
import { CARD_ROWS } from './leads.command';

/** How many opportunities `deals` reads to find the open ones (one page, at most). */
const SCAN_LIMIT = 200;

/** `deals`: open opportunities (the workspace's open stages), soonest close first; `deals <search>`: any that match. */
export async function dealsCommand(
  deps: AppDeps,
  caller: Caller,
  workspace: WorkspaceView,
  localized: Localized,
  search: string | undefined,
): Promise<Result<BotReply>> {
  const ws = workspace.record.id;
  const stages = workspace.record.settings.stages;
  const page = await listRecords(
    deps,
    caller,
    ws,
    'opportunity',
    search ? { q: search, limit: CARD_ROWS + 1 } : { limit: SCAN_LIMIT },
  );
  if (!page.ok) return page;
  let deals: Opportunity[] = page.value.items.map((item) => item.record);
  if (!search) {
    const open = new Set(openStages(stages).map((s) => s.id));
    deals = deals
      .filter((deal) => open.has(deal.stage))
      .sort((a, b) => (a.closeDate ?? '9999').localeCompare(b.closeDate ?? '9999'));
  }
  const { t } = localized;
  const heading = search
    ? t('deals.searchTitle', { search, workspace: workspace.record.name })
    : t('deals.openTitle', { workspace: workspace.record.name });
  const card = dealsCard(localized, {
    heading,
    deals: deals.slice(0, CARD_ROWS),
    stages,
    more: deals.length > CARD_ROWS,
  });
  return { ok: true, value: { kind: 'card', card, summary: heading } };
}
