import type { Activity } from '../activity/activity';
import { domainError } from '../common/domain-error';
import { touched, type ChangeContext } from '../common/record-change';
import { err, ok, type Result } from '../common/result';
import type { Id } from '../common/types';
import type { Contact } from '../contact/contact';
import type { Lead } from '../lead/lead';
import type { Opportunity } from '../opportunity/opportunity';
import type { Organisation } from '../organisation/organisation';

/**
 * The records that point at the one merged away (the loser), as read: an organisation's contacts
 * and deals, a contact's deals (as primary contact), the activities about it, and the converted
 * leads that name it.
 */
export type MergeLinks = {
  readonly contacts: readonly Contact[];
  readonly opportunities: readonly Opportunity[];
  readonly activities: readonly Activity[];
  readonly leads: readonly Lead[];
};

/**
 * What a merge writes: the survivor (filled in, and touched either way: the merge changes it, and its
 * write carries the version the client read), every link moved to it, the loser to delete.
 */
export type Merge<T> = {
  readonly survivor: T;
  readonly loser: T;
  readonly moved: MergeLinks;
};

/** The organisation fields a merge fills from the loser when the survivor's are empty. */
export const ORGANISATION_MERGE_FILLS = [
  'website',
  'industry',
  'size',
  'phone',
  'email',
  'address',
  'city',
  'country',
  'description',
] as const satisfies readonly (keyof Organisation)[];

/** The contact fields a merge fills from the loser when the survivor's are empty. */
export const CONTACT_MERGE_FILLS = [
  'firstName',
  'email',
  'phone',
  'mobile',
  'title',
  'description',
] as const satisfies readonly (keyof Contact)[];

/** Fill-only, as conversion merges a lead: the survivor's values stay, its empty fields take the loser's. */
function fillEmpty<T extends object>(survivor: T, loser: T, fields: readonly (keyof T)[]): Partial<T> {
  const filled: Partial<T> = {};
  for (const key of fields) {
    const mine = survivor[key];
    const theirs = loser[key];
    if ((mine === undefined || mine === '') && theirs !== undefined && theirs !== '') filled[key] = theirs;
  }
  return filled;
}

/**
 * What an organisation merge changes on the survivor: its empty fields the loser has, and a
 * prospect's status when the loser's says more (the tab shows the same before one confirms).
 */
export const organisationMergeFills = (
  survivor: Organisation,
  loser: Organisation,
): Partial<Organisation> => ({
  ...fillEmpty(survivor, loser, ORGANISATION_MERGE_FILLS),
  ...(survivor.status === 'prospect' && loser.status !== 'prospect' ? { status: loser.status } : {}),
});

/** What a contact merge changes on the survivor: its empty fields the loser has; a decision maker in either is one. */
export const contactMergeFills = (survivor: Contact, loser: Contact): Partial<Contact> => ({
  ...fillEmpty(survivor, loser, CONTACT_MERGE_FILLS),
  ...(!survivor.isDecisionMaker && loser.isDecisionMaker ? { isDecisionMaker: true } : {}),
});

const sameRecord = () =>
  err(
    domainError('MERGE.SAME_RECORD', 'A record cannot be merged with itself.', {
      fields: { loser: 'the same record as the survivor' },
    }),
  );

function moveLinks(
  links: MergeLinks,
  move: {
    readonly contact?: (c: Contact) => Contact;
    readonly opportunity: (o: Opportunity) => Opportunity;
    readonly regarding: Activity['regarding'];
    readonly lead: (l: Lead) => Lead;
  },
  ctx: ChangeContext,
): MergeLinks {
  return {
    contacts: move.contact ? links.contacts.map((c) => touched(move.contact!(c), ctx)) : [],
    opportunities: links.opportunities.map((o) => touched(move.opportunity(o), ctx)),
    activities: links.activities.map((a) => touched({ ...a, regarding: move.regarding }, ctx)),
    leads: links.leads.map((l) => touched(move.lead(l), ctx)),
  };
}

/**
 * Merges organisation `loser` into `survivor`: the survivor keeps every value it has and takes the
 * loser's where it has none (name and owner stay the survivor's); a prospect takes the loser's status
 * when that says more (a customer stays a customer after its deals move). The loser's contacts,
 * deals, activities and the converted leads that name it move to the survivor; the loser goes to the
 * recycle bin (the caller's delete).
 */
export function decideOrganisationMerge(
  survivor: Organisation,
  loser: Organisation,
  links: MergeLinks,
  ctx: ChangeContext,
): Result<Merge<Organisation>> {
  if (survivor.id === loser.id) return sameRecord();
  const filled = organisationMergeFills(survivor, loser);
  const to = survivor.id;
  return ok({
    survivor: touched({ ...survivor, ...filled }, ctx),
    loser,
    moved: moveLinks(
      links,
      {
        contact: (c) => ({ ...c, organisationId: to }),
        opportunity: (o) => ({ ...o, organisationId: to }),
        regarding: { type: 'organisation', id: to },
        lead: (l) => (l.status === 'closed-converted' ? { ...l, convertedOrganisationId: to } : l),
      },
      ctx,
    ),
  });
}

/**
 * Merges contact `loser` into `survivor` (both of one organisation: a deal's primary contact works
 * at the deal's organisation, so contacts of two organisations are refused with
 * MERGE.DIFFERENT_ORGANISATIONS; merge the organisations first). Fill-only as for organisations; a
 * decision maker in either is one after. Deals naming the loser as primary contact, its activities
 * and the converted leads that name it move to the survivor.
 */
export function decideContactMerge(
  survivor: Contact,
  loser: Contact,
  links: MergeLinks,
  ctx: ChangeContext,
): Result<Merge<Contact>> {
  if (survivor.id === loser.id) return sameRecord();
  if (survivor.organisationId !== loser.organisationId) {
    return err(
      domainError(
        'MERGE.DIFFERENT_ORGANISATIONS',
        'Two contacts merge only within one organisation: merge the organisations (or move one contact) first.',
        { fields: { loser: 'works at another organisation' } },
      ),
    );
  }
  const filled = contactMergeFills(survivor, loser);
  const to: Id = survivor.id;
  return ok({
    survivor: touched({ ...survivor, ...filled }, ctx),
    loser,
    moved: moveLinks(
      { ...links, contacts: [] },
      {
        opportunity: (o) => (o.primaryContactId === loser.id ? { ...o, primaryContactId: to } : o),
        regarding: { type: 'contact', id: to },
        lead: (l) => (l.status === 'closed-converted' ? { ...l, convertedContactId: to } : l),
      },
      ctx,
    ),
  });
}
