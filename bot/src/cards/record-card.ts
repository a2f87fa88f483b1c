import {
  leadDisplayName,
  type Contact,
  type Lead,
  type Opportunity,
  type Organisation,
  type RecordKind,
  type StageConfig,
} from '@crm/shared';
import { md } from '../messages/markdown';
import type { Localized } from '../messages/translator';
import {
  adaptiveCard,
  facts,
  openLink,
  stageView,
  title,
  type AdaptiveCard,
  type CardElement,
  type LinkAction,
} from './adaptive-card';
import type { RecordLinks } from './record-links';
import { formatMoney } from './money';
import { stageLabel } from './stage-label';

export type AnyShownRecord =
  | { readonly kind: 'lead'; readonly record: Lead }
  | { readonly kind: 'organisation'; readonly record: Organisation }
  | { readonly kind: 'contact'; readonly record: Contact }
  | { readonly kind: 'opportunity'; readonly record: Opportunity };

/** The workspace a record card shows, and where its records open. */
export type RecordCardWorkspace = {
  readonly id: string;
  readonly name: string;
  readonly stages: StageConfig;
  readonly links?: RecordLinks;
  /** An unfurled link's card also opens the record in Teams' Stage View. */
  readonly stageView?: boolean;
};

/**
 * A record as a card to insert into a message (compose-box search, unfurled links): its facts, and
 * "Open in Pipeline CRM" (plus Stage View on an unfurled link) when the bot knows where the tab is.
 */
export function recordCard(
  localized: Localized,
  shown: AnyShownRecord,
  workspace: RecordCardWorkspace,
): { card: AdaptiveCard; title: string; subtitle: string; link?: string } {
  const shape = recordShape(localized, shown, workspace);
  const record = { workspaceId: workspace.id, kind: shown.kind as RecordKind, recordId: shown.record.id };
  const link = workspace.links?.open(record, shape.title);
  const stage = workspace.stageView ? workspace.links?.stage(record, shape.title) : undefined;
  const actions: LinkAction[] = [
    ...(link ? [openLink(localized.t('action.open'), link)] : []),
    ...(stage ? [stageView(localized.t('action.stageView'), stage)] : []),
  ];
  return {
    title: shape.title,
    subtitle: shape.subtitle,
    card: adaptiveCard(shape.body, { actions }),
    ...(link ? { link } : {}),
  };
}

function recordShape(
  { t, locale }: Localized,
  shown: AnyShownRecord,
  workspace: RecordCardWorkspace,
): { body: CardElement[]; title: string; subtitle: string } {
  switch (shown.kind) {
    case 'lead': {
      const lead = shown.record;
      const subtitle = [t('kind.lead'), lead.company].filter(Boolean).join(' · ');
      return {
        title: leadDisplayName(lead),
        subtitle,
        body: [
          title(md(leadDisplayName(lead))),
          facts([
            [t('column.company'), lead.company],
            [t('column.status'), t(`leadStatus.${lead.status}`)],
            [t('field.workspace'), workspace.name],
          ]),
        ],
      };
    }
    case 'organisation': {
      const org = shown.record;
      return {
        title: org.name,
        subtitle: t('kind.organisation'),
        body: [
          title(md(org.name)),
          facts([
            [t('field.website'), org.website],
            [t('field.workspace'), workspace.name],
          ]),
        ],
      };
    }
    case 'contact': {
      const contact = shown.record;
      const name = leadDisplayName(contact);
      return {
        title: name,
        subtitle: [t('kind.contact'), contact.title].filter(Boolean).join(' · '),
        body: [
          title(md(name)),
          facts([
            [t('field.jobTitle'), contact.title],
            [t('field.email'), contact.email],
            [t('field.workspace'), workspace.name],
          ]),
        ],
      };
    }
    case 'opportunity': {
      const deal = shown.record;
      const stage = stageLabel(t, workspace.stages, deal.stage);
      const amount = deal.amount === undefined ? undefined : formatMoney(deal.amount, deal.currency, locale);
      return {
        title: deal.name,
        subtitle: [t('kind.deal'), stage, amount].filter(Boolean).join(' · '),
        body: [
          title(md(deal.name)),
          facts([
            [t('column.stage'), stage],
            [t('column.amount'), amount],
            [t('field.closeDate'), deal.closeDate],
            [t('field.workspace'), workspace.name],
          ]),
        ],
      };
    }
    default: {
      const _exhaustive: never = shown;
      return _exhaustive;
    }
  }
}
