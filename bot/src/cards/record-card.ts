import {
  leadDisplayName,
  type Lead,
  type Opportunity,
  type Organisation,
  type StageConfig,
} from '@crm/shared';
import { md } from '../messages/markdown';
import type { Localized } from '../messages/translator';
import { adaptiveCard, facts, title, type AdaptiveCard } from './adaptive-card';
import { formatMoney } from './money';
import { stageLabel } from './stage-label';

export type AnyShownRecord =
  | { readonly kind: 'lead'; readonly record: Lead }
  | { readonly kind: 'organisation'; readonly record: Organisation }
  | { readonly kind: 'opportunity'; readonly record: Opportunity };

/** A record as a card to insert into a message (compose-box search, unfurled links): no buttons. */
export function recordCard(
  { t, locale }: Localized,
  shown: AnyShownRecord,
  workspace: { readonly name: string; readonly stages: StageConfig },
): { card: AdaptiveCard; title: string; subtitle: string } {
  switch (shown.kind) {
    case 'lead': {
      const lead = shown.record;
      const subtitle = [t('kind.lead'), lead.company].filter(Boolean).join(' · ');
      return {
        title: leadDisplayName(lead),
        subtitle,
        card: adaptiveCard([
          title(md(leadDisplayName(lead))),
          facts([
            [t('column.company'), lead.company],
            [t('column.status'), t(`leadStatus.${lead.status}`)],
            [t('field.workspace'), workspace.name],
          ]),
        ]),
      };
    }
    case 'organisation': {
      const org = shown.record;
      return {
        title: org.name,
        subtitle: t('kind.organisation'),
        card: adaptiveCard([
          title(md(org.name)),
          facts([
            [t('field.website'), org.website],
            [t('field.workspace'), workspace.name],
          ]),
        ]),
      };
    }
    case 'opportunity': {
      const deal = shown.record;
      const stage = stageLabel(t, workspace.stages, deal.stage);
      const amount = deal.amount === undefined ? undefined : formatMoney(deal.amount, deal.currency, locale);
      return {
        title: deal.name,
        subtitle: [t('kind.deal'), stage, amount].filter(Boolean).join(' · '),
        card: adaptiveCard([
          title(md(deal.name)),
          facts([
            [t('column.stage'), stage],
            [t('column.amount'), amount],
            [t('field.closeDate'), deal.closeDate],
            [t('field.workspace'), workspace.name],
          ]),
        ]),
      };
    }
    default: {
      const _exhaustive: never = shown;
      return _exhaustive;
    }
  }
}
