import { LOST, type Opportunity, type StageConfig } from '@crm/shared';
import type { Localized } from '../messages/translator';
import { md } from '../messages/markdown';
import {
  adaptiveCard,
  execute,
  facts,
  line,
  note,
  title,
  openLink,
  refreshFor,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card';
import type { RecordLinks } from './record-links';
import { formatMoney } from './money';
import { stageLabel } from './stage-label';

export type DealCardInput = {
  readonly ws: string;
  readonly deal: Opportunity;
  readonly version: string;
  readonly stages: StageConfig;
  readonly notice?: string;
  readonly viewers?: readonly string[];
  /** Where "Open in Pipeline CRM" goes; no button without. */
  readonly links?: RecordLinks;
};

/** A deal with its stage, amount and close date, and a move to any other stage (lost asks a reason). */
export function dealCard(localized: Localized, input: DealCardInput): AdaptiveCard {
  const { t, locale } = localized;
  const { deal, ws, stages } = input;
  const others = stages.filter((s) => s.id !== deal.stage);
  const url = input.links?.open({ workspaceId: ws, kind: 'opportunity', recordId: deal.id }, deal.name);
  const move: CardElement[] = [
    {
      type: 'Input.ChoiceSet',
      id: 'stage',
      label: t('move.to'),
      value: others[0]?.id ?? '',
      choices: others.map((s) => ({ title: stageLabel(t, stages, s.id), value: s.id })),
    },
    {
      type: 'Input.Text',
      id: 'lostReason',
      label: t('move.lostReason', { stage: stageLabel(t, stages, LOST) }),
      maxLength: 1000,
    },
  ];
  return adaptiveCard(
    [
      ...(input.notice ? [note(input.notice)] : []),
      title(md(deal.name)),
      facts([
        [t('column.stage'), stageLabel(t, stages, deal.stage)],
        [
          t('column.amount'),
          deal.amount === undefined ? undefined : formatMoney(deal.amount, deal.currency, locale),
        ],
        [t('field.probability'), `${deal.probability} %`],
        [t('field.closeDate'), deal.closeDate],
      ]),
      ...(deal.lostReason ? [line(t('deal.lostBecause', { reason: deal.lostReason }))] : []),
      ...move,
    ],
    {
      actions: [
        execute(t('action.move'), 'deal.move', { ws, dealId: deal.id, version: input.version }),
        ...(url ? [openLink(t('action.open'), url)] : []),
      ],
      refresh: {
        action: execute(t('action.refresh'), 'deal.show', { ws, dealId: deal.id }),
        ...refreshFor(input.viewers),
      },
    },
  );
}
