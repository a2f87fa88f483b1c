import { leadDisplayName, type Contact, type Lead, type Organisation } from '@crm/shared';
import type { Localized } from '../messages/translator';
import {
  adaptiveCard,
  execute,
  line,
  refreshFor,
  title,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card';
import { checklist } from './lead-card';

export type QualifyCardInput = {
  readonly ws: string;
  readonly lead: Lead;
  /** The lead's version when the card was made: a stale card converts nothing. */
  readonly version: string;
  /** One key per card: a retried or double-clicked submit converts once. */
  readonly key: string;
  readonly organisations: readonly Organisation[];
  readonly contacts: readonly Contact[];
  /** What the matches use case selects by default (a strong match); absent: create new. */
  readonly suggested?: { readonly organisationId?: string; readonly contactId?: string };
  readonly currency: string;
  readonly today: string;
  readonly notice?: string;
  /** Teams user ids (29:…) whose view refreshes itself (≤ 60). */
  readonly viewers?: readonly string[];
};

const CRITERIA = ['budget', 'authority', 'need', 'timeline'] as const;

/**
 * The choice "create a new one" in the organisation and contact lists. Every choice needs a non-empty
 * value (the Adaptive Cards SDK rejects a card with an empty one), so "none chosen" has a name.
 */
export const NEW_RECORD = 'new';

/**
 * The qualification checklist, duplicate suggestions and the new deal; its submit converts the
 * lead with the checklist, in one commit.
 */
export function qualifyCard({ t }: Localized, input: QualifyCardInput): AdaptiveCard {
  const { lead } = input;
  const toggles: CardElement[] = CRITERIA.map((c) => ({
    type: 'Input.Toggle',
    id: c,
    title: t(`qualification.${c}`),
    value: lead.qualification[c] ? 'true' : 'false',
  }));
  const organisation: CardElement = {
    type: 'Input.ChoiceSet',
    id: 'organisationId',
    label: t('qualify.organisation'),
    value: input.suggested?.organisationId ?? NEW_RECORD,
    choices: [
      {
        title: t('qualify.newOrganisation', { name: lead.company ?? leadDisplayName(lead) }),
        value: NEW_RECORD,
      },
      ...input.organisations.map((o) => ({ title: t('qualify.existing', { name: o.name }), value: o.id })),
    ],
  };
  const contact: CardElement = {
    type: 'Input.ChoiceSet',
    id: 'contactId',
    label: t('qualify.contact'),
    value: input.suggested?.contactId ?? NEW_RECORD,
    choices: [
      { title: t('qualify.newContact', { name: leadDisplayName(lead) }), value: NEW_RECORD },
      ...input.contacts.map((c) => ({
        title: t('qualify.existing', { name: [c.firstName, c.lastName].filter(Boolean).join(' ') }),
        value: c.id,
      })),
    ],
  };
  return adaptiveCard(
    [
      ...(input.notice ? [line(input.notice)] : []),
      title(t('qualify.title', { name: leadDisplayName(lead) })),
      line(checklist(t, lead.qualification)),
      ...toggles,
      organisation,
      contact,
      { type: 'Input.Toggle', id: 'createOpportunity', title: t('qualify.createDeal'), value: 'true' },
      { type: 'Input.Number', id: 'amount', label: t('column.amount'), min: 0 },
      { type: 'Input.Text', id: 'currency', label: t('field.currency'), value: input.currency, maxLength: 3 },
      { type: 'Input.Date', id: 'closeDate', label: t('field.closeDate'), value: input.today },
    ],
    {
      actions: [
        execute(
          t('action.convert'),
          'lead.convert',
          { ws: input.ws, leadId: lead.id, version: input.version, idempotencyKey: input.key },
          'positive',
        ),
        execute(t('action.cancel'), 'lead.show', { ws: input.ws, leadId: lead.id }),
      ],
      // Each viewer's own rendering keeps the card's key: whoever presses Convert, it converts once.
      refresh: {
        action: execute(t('action.refresh'), 'lead.qualify', {
          ws: input.ws,
          leadId: lead.id,
          idempotencyKey: input.key,
        }),
        ...refreshFor(input.viewers),
      },
    },
  );
}

/** Asks for the reason a lead is disqualified. */
export function disqualifyCard({ t }: Localized, ws: string, lead: Lead, notice?: string): AdaptiveCard {
  return adaptiveCard(
    [
      ...(notice ? [line(notice)] : []),
      title(t('disqualify.title', { name: leadDisplayName(lead) })),
      {
        type: 'Input.Text',
        id: 'reason',
        label: t('disqualify.reason'),
        isMultiline: true,
        isRequired: true,
        errorMessage: t('disqualify.reasonRequired'),
        maxLength: 1000,
      },
    ],
    {
      actions: [
        execute(t('action.disqualify'), 'lead.disqualify', { ws, leadId: lead.id }, 'destructive'),
        execute(t('action.cancel'), 'lead.show', { ws, leadId: lead.id }),
      ],
    },
  );
}
