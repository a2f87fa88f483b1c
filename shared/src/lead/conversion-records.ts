import { definedOnly, newAudit, touched, type ChangeContext } from '../common/record-change';
import type { Id } from '../common/types';
import type { Contact } from '../contact/contact';
import type { Organisation } from '../organisation/organisation';
import { leadDisplayName, type Lead } from './lead';

/** A record as conversion leaves it: new, filled in (`changed`), or untouched. */
export type ConversionOutcome<T> = {
  readonly record: T;
  readonly created: boolean;
  readonly changed: boolean;
};

type RecordContext = ChangeContext & { readonly id: Id };

/**
 * The lead's company data (its address is the company's); a person without a company becomes an
 * organisation of their own name.
 */
const organisationData = (lead: Lead) =>
  definedOnly({
    name: lead.company?.trim() || leadDisplayName(lead),
    website: lead.website,
    industry: lead.industry,
    address: lead.address,
    city: lead.city,
    postalCode: lead.postalCode,
    region: lead.region,
    country: lead.country,
    annualRevenue: lead.annualRevenue,
    employees: lead.employees,
    rating: lead.rating,
  });

const contactData = (lead: Lead) =>
  definedOnly({
    firstName: lead.firstName,
    lastName: lead.lastName,
    email: lead.email,
    phone: lead.phone,
    mobile: lead.mobile,
    title: lead.title,
    description: lead.description,
  });

export function organisationFromLead(lead: Lead, ctx: RecordContext): ConversionOutcome<Organisation> {
  const record: Organisation = {
    ...organisationData(lead),
    id: ctx.id,
    workspaceId: lead.workspaceId,
    status: 'prospect',
    ownerId: lead.ownerId,
    ...newAudit(ctx),
  };
  return { record, created: true, changed: false };
}

export function contactFromLead(
  lead: Lead,
  organisationId: Id,
  ctx: RecordContext,
): ConversionOutcome<Contact> {
  const record: Contact = {
    ...contactData(lead),
    id: ctx.id,
    workspaceId: lead.workspaceId,
    organisationId,
    relationship: 'customer',
    isDecisionMaker: lead.qualification.authority,
    ownerId: lead.ownerId,
    ...newAudit(ctx),
  };
  return { record, created: true, changed: false };
}

/** Merging never overwrites: only the organisation's empty fields take the lead's values. */
export const mergeIntoOrganisation = (existing: Organisation, lead: Lead, ctx: ChangeContext) =>
  fillEmpty(existing, organisationData(lead), ctx);

export const mergeIntoContact = (existing: Contact, lead: Lead, ctx: ChangeContext) =>
  fillEmpty(existing, contactData(lead), ctx);

function fillEmpty<T extends Organisation | Contact>(
  existing: T,
  values: Partial<Record<keyof T, unknown>>,
  ctx: ChangeContext,
): ConversionOutcome<T> {
  const filled: Partial<Record<keyof T, unknown>> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const current = existing[key];
    if (current === undefined || current === '') filled[key] = values[key];
  }
  const changed = Object.keys(filled).length > 0;
  return { record: changed ? touched({ ...existing, ...filled }, ctx) : existing, created: false, changed };
}
