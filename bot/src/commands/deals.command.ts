import type { Opportunity, Result } from '@crm/shared';
import {
  listOpenDeals,
  listRecords,
  type AppDeps,
  type Caller,
  type WorkspaceView,
} from '@crm/shared/application';
import { dealsCard } from '../cards/deals-card';
import type { BotReply } from '../conversation/chat-message';
import type { Localized } from '../messages/translator';
import { stageLabel } from '../cards/stage-label';
import { CARD_ROWS } from './leads.command';

/** `deals <stage>`: the stage named by its id or its label in the user's language. */
function stageNamed(
  { t }: Localized,
  stages: WorkspaceView['record']['settings']['stages'],
  text: string | undefined,
) {
  const wanted = text?.trim().toLowerCase();
  return stages.find((s) => s.id === wanted || stageLabel(t, stages, s.id).toLowerCase() === wanted)?.id;
}

/** `deals <stage>`: the deals in that stage. `deals`: open opportunities (the workspace's open stages), soonest close first; `deals <search>`: any that match. */
export async function dealsCommand(
  deps: AppDeps,
  caller: Caller,
  workspace: WorkspaceView,
  localized: Localized,
  search: string | undefined,
): Promise<Result<BotReply>> {
  const ws = workspace.record.id;
  const stages = workspace.record.settings.stages;
  // One row more than the card shows tells whether there are more.
  const limit = CARD_ROWS + 1;
  const stage = stageNamed(localized, stages, search);
  const page = stage
    ? await listRecords(deps, caller, ws, 'opportunity', { filters: { stage }, limit })
    : search
      ? await listRecords(deps, caller, ws, 'opportunity', { q: search, limit })
      : await listOpenDeals(deps, caller, ws, { limit });
  if (!page.ok) return page;
  const deals: Opportunity[] = page.value.items.map((item) => item.record);
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
