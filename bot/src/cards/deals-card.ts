import type { Opportunity, StageConfig } from '@crm/shared';
import type { Localized } from '../messages/translator';
import { adaptiveCard, note, table, title, type AdaptiveCard } from './adaptive-card';
import { formatMoney } from './money';
import { stageLabel } from './stage-label';

export type DealsCardInput = {
  readonly heading: string;
  readonly deals: readonly Opportunity[];
  readonly stages: StageConfig;
  readonly more: boolean;
};

/** Name, stage and amount of up to ten deals. */
export function dealsCard({ t, locale }: Localized, input: DealsCardInput): AdaptiveCard {
  if (input.deals.length === 0) return adaptiveCard([title(input.heading), note(t('deals.none'))]);
  const rows = input.deals.map((deal) => [
    deal.name,
    stageLabel(t, input.stages, deal.stage),
    deal.amount === undefined ? '–' : formatMoney(deal.amount, deal.currency, locale),
  ]);
  return adaptiveCard([
    title(input.heading),
    ...table([t('column.name'), t('column.stage'), t('column.amount')], rows, [3, 2, 2]),
    ...(input.more ? [note(t('list.more', { count: input.deals.length }))] : []),
  ]);
}
