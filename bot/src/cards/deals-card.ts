import type { Opportunity, StageConfig } from '@crm/shared';
import type { Localized } from '../messages/translator';
import { adaptiveCard, note, table, title, type AdaptiveCard } from './adaptive-card';
import type { RecordLinks } from './record-links';
import { formatMoney } from './money';
import { stageLabel } from './stage-label';

export type DealsCardInput = {
  readonly heading: string;
  readonly deals: readonly Opportunity[];
  readonly stages: StageConfig;
  readonly more: boolean;
  /** The workspace listed and where its records open: each name links to its deal. */
  readonly ws?: string;
  readonly links?: RecordLinks;
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
    ...table(
      [t('column.name'), t('column.stage'), t('column.amount')],
      rows,
      [3, 2, 2],
      input.deals.map((deal) =>
        input.ws
          ? input.links?.open({ workspaceId: input.ws, kind: 'opportunity', recordId: deal.id }, deal.name)
          : undefined,
      ),
    ),
    ...(input.more ? [note(t('list.more', { count: input.deals.length }))] : []),
  ]);
}
