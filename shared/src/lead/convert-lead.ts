import { withSummary } from '../activity/activity-summary';
import type { Contact } from '../contact/contact';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, Instant, UserId } from '../common/types';
import type { DomainEvent, LeadConverted } from '../events/domain-event';
import { decideOpportunityCreation } from '../opportunity/create-opportunity';
import { contactWorksAt, customerAfterWin } from '../opportunity/deal-policies';
import type { Opportunity, StageChange } from '../opportunity/opportunity';
import type { Organisation } from '../organisation/organisation';
import type { WorkspaceSettings } from '../workspace/workspace';
import {
  contactFromLead,
  mergeIntoContact,
  mergeIntoOrganisation,
  organisationFromLead,
  type ConversionOutcome,
} from './conversion-records';
import { leadDisplayName, type ConvertedLead, type Lead } from './lead';
import { leadAlreadyConverted, leadInvalidTransition } from './lead-errors';
import { leadBase } from './lead-state';
import { mergeQualification } from './qualification';
import type { ConvertLeadInput } from './lead.schema';

export type ConversionContext = {
  readonly lead: Lead;
  /** The organisation the user chose (loaded by the caller), if any. */
  readonly existingOrganisation?: Organisation;
  /** The contact the user chose, if any; it must belong to `existingOrganisation`. */
  readonly existingContact?: Contact;
  readonly settings: WorkspaceSettings;
  /** Fresh ids; those of records that are not created go unused. */
  readonly ids: {
    readonly organisation: Id;
    readonly contact: Id;
    readonly opportunity: Id;
    readonly stageChange: Id;
    readonly event: Id;
  };
  readonly actor: UserId;
  readonly now: Instant;
};

export type Conversion = {
  readonly lead: ConvertedLead;
  readonly organisation: ConversionOutcome<Organisation>;
  readonly contact: ConversionOutcome<Contact>;
  readonly opportunity?: { readonly record: Opportunity; readonly stageChange: StageChange };
  readonly events: DomainEvent[];
};

/**
 * Turns an open or working lead into an organisation, a contact in it and (unless told not to) an
 * opportunity, all in one decision so the caller can commit it all or nothing. Qualification is
 * advice, not a gate: the team decides what is worth converting. A `qualification` in the input is
 * merged into the converted lead as an update's would be (criteria left out keep their value), so
 * qualify-and-convert is one commit.
 */
export function decideConversion(input: ConvertLeadInput, ctx: ConversionContext): Result<Conversion> {
  const { lead } = ctx;
  switch (lead.status) {
    case 'closed-converted':
      return err(leadAlreadyConverted());
    case 'closed-not-converted':
      return err(leadInvalidTransition(lead.status, 'closed-converted'));
    case 'open-not-contacted':
    case 'working-contacted':
      break;
    default: {
      const _exhaustive: never = lead;
      return _exhaustive;
    }
  }
  const chosen = checkChosenRecords(input, ctx);
  if (!chosen.ok) return chosen;
  // Qualified first: the records made from the lead see the checklist as converted (authority → decision maker).
  const qualified: Lead = {
    ...lead,
    qualification: mergeQualification(lead.qualification, input.qualification),
  };

  let organisation = ctx.existingOrganisation
    ? mergeIntoOrganisation(ctx.existingOrganisation, qualified, ctx)
    : organisationFromLead(qualified, { ...ctx, id: ctx.ids.organisation });
  const contact = ctx.existingContact
    ? mergeIntoContact(ctx.existingContact, qualified, ctx)
    : contactFromLead(qualified, organisation.record.id, { ...ctx, id: ctx.ids.contact });

  const opportunity =
    input.createOpportunity === false
      ? undefined
      : opportunityFor(input, ctx, organisation.record, contact.record);
  if (opportunity && !opportunity.ok) return opportunity;
  // The lead's activities follow it: the new deal starts with the lead's next and last activity.
  const deal = opportunity?.value && {
    ...opportunity.value,
    opportunity: withSummary(opportunity.value.opportunity, {
      ...(lead.nextActivity ? { nextActivity: lead.nextActivity } : {}),
      ...(lead.lastActivityAt ? { lastActivityAt: lead.lastActivityAt } : {}),
    }),
  };
  // Converting straight into a won deal is a first win like any other.
  const customer = deal && customerAfterWin(deal.events, organisation.record, ctx);
  if (customer) organisation = { ...organisation, record: customer, changed: !organisation.created };

  const converted: ConvertedLead = {
    ...leadBase(qualified),
    status: 'closed-converted',
    convertedAt: ctx.now,
    convertedBy: ctx.actor,
    convertedOrganisationId: organisation.record.id,
    convertedContactId: contact.record.id,
    ...(deal ? { convertedOpportunityId: deal.opportunity.id } : {}),
    updatedAt: ctx.now,
    updatedBy: ctx.actor,
  };
  return ok({
    lead: converted,
    organisation,
    contact,
    ...(deal ? { opportunity: { record: deal.opportunity, stageChange: deal.stageChange } } : {}),
    events: [leadConverted(converted, organisation.record, ctx), ...(deal?.events ?? [])],
  });
}

/**
 * The chosen records must be the ones asked for, in the lead's workspace, and fit together. The
 * caller only loads them (a contact chosen alone brings its organisation); this is the one place
 * that checks them.
 */
function checkChosenRecords(input: ConvertLeadInput, ctx: ConversionContext): Result<void> {
  const { existingOrganisation: org, existingContact: contact, lead } = ctx;
  const contactMissing = input.contactId !== undefined && contact?.id !== input.contactId;
  if (contactMissing || (contact && contact.workspaceId !== lead.workspaceId)) {
    return err(domainError('CONVERSION.CONTACT_NOT_FOUND', 'The chosen contact does not exist.'));
  }
  const orgMissing = input.organisationId !== undefined && org?.id !== input.organisationId;
  if (orgMissing || (org && org.workspaceId !== lead.workspaceId)) {
    return err(domainError('CONVERSION.ORGANISATION_NOT_FOUND', 'The chosen organisation does not exist.'));
  }
  if (contact && !contactWorksAt(contact, org?.id)) {
    return err(
      domainError(
        'CONVERSION.CONTACT_NOT_IN_ORGANISATION',
        'The chosen contact does not belong to the chosen organisation.',
        {
          fields: { contactId: 'not in the chosen organisation' },
        },
      ),
    );
  }
  return ok(undefined);
}

function opportunityFor(
  input: ConvertLeadInput,
  ctx: ConversionContext,
  organisation: Organisation,
  contact: Contact,
) {
  const { lead, ids } = ctx;
  const details = input.opportunity ?? {};
  // Events beyond lead.converted (a deal converted straight to won or lost) get ids derived from it.
  let derived = 0;
  return decideOpportunityCreation(
    {
      name: details.name ?? `${organisation.name} \u2013 ${new Date(ctx.now).toISOString().slice(0, 10)}`,
      organisationId: organisation.id,
      currency: details.currency ?? ctx.settings.defaultCurrency,
      ...(details.amount !== undefined ? { amount: details.amount } : {}),
      ...(details.closeDate !== undefined ? { closeDate: details.closeDate } : {}),
      ...(details.stage !== undefined ? { stage: details.stage } : {}),
      ownerId: lead.ownerId,
      primaryContactId: contact.id,
      leadId: lead.id,
      ...(lead.campaignId !== undefined ? { campaignId: lead.campaignId } : {}),
    },
    {
      id: ids.opportunity,
      workspaceId: lead.workspaceId,
      actor: ctx.actor,
      now: ctx.now,
      settings: ctx.settings,
      stageChangeId: ids.stageChange,
      newEventId: () => `${ids.event}-${++derived}`,
    },
  );
}

const leadConverted = (
  lead: ConvertedLead,
  organisation: Organisation,
  ctx: ConversionContext,
): LeadConverted => ({
  id: ctx.ids.event,
  type: 'lead.converted',
  workspaceId: lead.workspaceId,
  occurredAt: ctx.now,
  actorId: ctx.actor,
  data: {
    leadId: lead.id,
    leadName: leadDisplayName(lead),
    organisationId: organisation.id,
    organisationName: organisation.name,
    contactId: lead.convertedContactId,
    ...(lead.convertedOpportunityId ? { opportunityId: lead.convertedOpportunityId } : {}),
  },
});
