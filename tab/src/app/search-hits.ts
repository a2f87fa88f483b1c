import {
  leadDisplayName,
  type Activity,
  type Campaign,
  type Contact,
  type Lead,
  type Opportunity,
  type Organisation,
} from '@crm/shared';
import type { TFunction } from 'i18next';
import type { RecordPlural } from '../api/api-client';
import type { Format } from '../i18n/useFormat';

/** The kinds the header's search looks through, in the order their results show. */
export const SEARCH_KINDS: readonly RecordPlural[] = [
  'leads',
  'contacts',
  'organisations',
  'opportunities',
  'campaigns',
  'activities',
];

/** Hits per kind: enough to recognise what one means, few enough to answer at once. */
export const HITS_PER_KIND = 5;

/** One result: what it is called and one line that tells it apart. */
export type SearchHit = { readonly id: string; readonly title: string; readonly detail: string };

type AnyRecord = { readonly id: string } & Record<string, unknown>;

/** A record of a kind as a search result (names, then the most telling other field). */
export function searchHit(plural: RecordPlural, record: AnyRecord, t: TFunction, format: Format): SearchHit {
  switch (plural) {
    case 'leads': {
      const lead = record as unknown as Lead;
      return { id: lead.id, title: leadDisplayName(lead), detail: lead.company ?? lead.email ?? '' };
    }
    case 'contacts': {
      const contact = record as unknown as Contact;
      return {
        id: contact.id,
        title: leadDisplayName(contact),
        detail: contact.email ?? contact.title ?? '',
      };
    }
    case 'organisations': {
      const organisation = record as unknown as Organisation;
      return {
        id: organisation.id,
        title: organisation.name,
        detail: organisation.city ?? organisation.website ?? '',
      };
    }
    case 'opportunities': {
      const deal = record as unknown as Opportunity;
      const amount = deal.amount === undefined ? '' : format.money(deal.amount, deal.currency);
      return { id: deal.id, title: deal.name, detail: amount };
    }
    case 'campaigns': {
      const campaign = record as unknown as Campaign;
      return { id: campaign.id, title: campaign.name, detail: t(`campaigns.statusLabel.${campaign.status}`) };
    }
    case 'activities': {
      const activity = record as unknown as Activity;
      return { id: activity.id, title: activity.subject, detail: t(`activities.typeLabel.${activity.type}`) };
    }
  }
}
