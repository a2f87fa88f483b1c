import {
  isConvertedLead,
  isDisqualifiedLead,
  leadCapabilities,
  leadDisplayName,
  type Lead,
  type Qualification,
} from '@crm/shared';
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
  type CardAction,
  type LinkAction,
} from './adaptive-card';
import type { RecordLinks } from './record-links';

export type LeadCardInput = {
  readonly ws: string;
  readonly lead: Lead;
  /** Said above the card when it replaces a stale one or reports an outcome. */
  readonly notice?: string;
  /** Teams user ids (29:…) whose view refreshes itself (≤ 60); absent: everyone in a small chat. */
  readonly viewers?: readonly string[];
  /** Where "Open in Pipeline CRM" goes; no button without. */
  readonly links?: RecordLinks;
};

const CRITERIA = ['budget', 'authority', 'need', 'timeline'] as const;

/**
 * A lead: who, where from, its status and checklist; qualify (which converts) and disqualify as its
 * capabilities allow.
 */
export function leadCard(
  { t }: Localized,
  { ws, lead, notice, viewers, links }: LeadCardInput,
): AdaptiveCard {
  const can = leadCapabilities(lead);
  const url = links?.open({ workspaceId: ws, kind: 'lead', recordId: lead.id }, leadDisplayName(lead));
  const actions: (CardAction | LinkAction)[] = [
    ...(can.convert
      ? [execute(t('action.qualify'), 'lead.qualify', { ws, leadId: lead.id }, 'positive')]
      : []),
    ...(can.disqualify ? [execute(t('action.disqualify'), 'lead.disqualify', { ws, leadId: lead.id })] : []),
    ...(url ? [openLink(t('action.open'), url)] : []),
  ];
  return adaptiveCard(
    [
      ...(notice ? [note(notice)] : []),
      title(md(leadDisplayName(lead))),
      facts([
        [t('column.company'), lead.company],
        [t('field.email'), lead.email],
        [t('column.status'), t(`leadStatus.${lead.status}`)],
        [t('field.checklist'), checklist(t, lead.qualification)],
      ]),
      ...(isDisqualifiedLead(lead)
        ? [line(t('lead.disqualifiedBecause', { reason: lead.disqualificationReason }))]
        : []),
      ...(isConvertedLead(lead) ? [line(t('lead.convertedNote'))] : []),
    ],
    {
      actions,
      refresh: {
        action: execute(t('action.refresh'), 'lead.show', { ws, leadId: lead.id }),
        ...refreshFor(viewers),
      },
    },
  );
}

export function checklist(t: Localized['t'], q: Qualification): string {
  return CRITERIA.map((c) => `${q[c] ? '✓' : '✗'} ${t(`qualification.${c}`)}`).join('  ');
}
