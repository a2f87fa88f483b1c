import { leadDisplayName, type Lead, type Qualification } from '@crm/shared';
import type { Localized } from '../messages/translator';
import { md } from '../messages/markdown';
import {
  adaptiveCard,
  execute,
  facts,
  line,
  note,
  title,
  refreshFor,
  type AdaptiveCard,
  type CardAction,
} from './adaptive-card';

export type LeadCardInput = {
  readonly ws: string;
  readonly lead: Lead;
  /** Said above the card when it replaces a stale one or reports an outcome. */
  readonly notice?: string;
  /** Teams user ids (29:…) whose view refreshes itself (≤ 60); absent: everyone in a small chat. */
  readonly viewers?: readonly string[];
};

const CRITERIA = ['budget', 'authority', 'need', 'timeline'] as const;

/** A lead: who, where from, its status and checklist; open leads offer qualify and disqualify. */
export function leadCard({ t }: Localized, { ws, lead, notice, viewers }: LeadCardInput): AdaptiveCard {
  const open = lead.status === 'open-not-contacted' || lead.status === 'working-contacted';
  const actions: CardAction[] = open
    ? [
        execute(t('action.qualify'), 'lead.qualify', { ws, leadId: lead.id }, 'positive'),
        execute(t('action.disqualify'), 'lead.disqualify', { ws, leadId: lead.id }),
      ]
    : [];
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
      ...(lead.status === 'closed-not-converted'
        ? [line(t('lead.disqualifiedBecause', { reason: lead.disqualificationReason }))]
        : []),
      ...(lead.status === 'closed-converted' ? [line(t('lead.convertedNote'))] : []),
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
