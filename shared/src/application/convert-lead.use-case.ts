import type { Contact } from '../contact/contact';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, WorkspaceId } from '../common/types';
import { parseInput } from '../common/validation';
import { ConvertLeadInputSchema, convertLead as convertLeadRule, type ConvertLeadInput } from '../lead';
import type { ConvertedLead } from '../lead/lead';
import type { Opportunity } from '../opportunity/opportunity';
import type { Organisation } from '../organisation/organisation';
import { accessWorkspace } from './access';
import type { AppDeps, Caller } from './deps';
import { idempotent, type Idempotency } from './idempotency';
import type { Versioned, Write } from './ports';
import { insertWrite, loadRecord, notFound, updateWrite, versionFrom } from './record-commands';

export type ConversionResult = {
  readonly lead: Versioned<ConvertedLead>;
  readonly organisation: Versioned<Organisation>;
  readonly contact: Versioned<Contact>;
  readonly opportunity?: Versioned<Opportunity>;
};

type ConversionIds = { leadId: Id; organisationId: Id; contactId: Id; opportunityId?: Id };

/** A commit can lose a race with another edit of the organisation or contact; retry on fresh reads. */
const ATTEMPTS = 3;

/**
 * Converts a lead into an organisation, a contact and (by default) an opportunity, as ONE atomic
 * commit: the lead's update is conditional on the version read, so a second or concurrent conversion
 * fails and creates nothing. With an Idempotency-Key a retried request returns the first result.
 */
export async function convertLead(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  leadId: Id,
  input: unknown,
): Promise<Result<ConversionResult>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const parsed = parseInput(ConvertLeadInputSchema, input ?? {});
  if (!parsed.ok) return parsed;
  return idempotent(
    deps,
    ws,
    caller,
    `lead.convert:${leadId}`,
    parsed.value,
    async (idempotency) => {
      for (let attempt = 1; ; attempt++) {
        const result = await attemptConversion(deps, caller, ws, leadId, parsed.value, idempotency);
        if (result.ok || result.error.code !== 'CONCURRENCY.STALE' || attempt >= ATTEMPTS) return result;
      }
    },
    (stored) => readConversion(deps, ws, stored as ConversionIds),
  );
}

async function attemptConversion(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  leadId: Id,
  input: ConvertLeadInput,
  idempotency: Idempotency,
): Promise<Result<ConversionResult>> {
  const lead = await loadRecord(deps, ws, 'lead', leadId);
  if (!lead.ok) return lead;
  const workspace = await deps.workspaces.get(ws);
  if (!workspace) return err(domainError('WORKSPACE.NOT_FOUND', 'No such workspace.'));

  const contact = input.contactId ? await deps.records.get(ws, 'contact', input.contactId) : undefined;
  if (input.contactId && !contact) {
    return err(domainError('CONVERSION.CONTACT_NOT_FOUND', 'The chosen contact does not exist.'));
  }
  // Choosing only a contact means choosing its organisation too.
  const organisationId = input.organisationId ?? contact?.record.organisationId;
  const organisation = organisationId
    ? await deps.records.get(ws, 'organisation', organisationId)
    : undefined;
  if (organisationId && !organisation) {
    return err(domainError('CONVERSION.ORGANISATION_NOT_FOUND', 'The chosen organisation does not exist.'));
  }

  const converted = convertLeadRule(input, {
    lead: lead.value.record,
    ...(organisation ? { existingOrganisation: organisation.record } : {}),
    ...(contact ? { existingContact: contact.record } : {}),
    settings: workspace.record.settings,
    ids: {
      organisation: deps.ids.newId(),
      contact: deps.ids.newId(),
      opportunity: deps.ids.newId(),
      stageChange: deps.ids.newId(),
      event: deps.ids.newId(),
    },
    actor: caller.actor.userId,
    now: deps.clock.now(),
  });
  if (!converted.ok) return converted;
  const c = converted.value;

  const writes: Write[] = [updateWrite('lead', lead.value, c.lead)];
  if (c.organisation.created) writes.push(insertWrite('organisation', c.organisation.record));
  else if (c.organisation.changed && organisation)
    writes.push(updateWrite('organisation', organisation, c.organisation.record));
  if (c.contact.created) writes.push(insertWrite('contact', c.contact.record));
  else if (c.contact.changed && contact) writes.push(updateWrite('contact', contact, c.contact.record));
  if (c.opportunity) {
    writes.push(insertWrite('opportunity', c.opportunity.record));
    writes.push({ type: 'stage-change', change: c.opportunity.stageChange });
  }
  const ids: ConversionIds = {
    leadId,
    organisationId: c.organisation.record.id,
    contactId: c.contact.record.id,
    ...(c.opportunity ? { opportunityId: c.opportunity.record.id } : {}),
  };
  const idem = idempotency.record(ids);
  const receipt = await deps.records.commit(ws, {
    writes,
    events: c.events,
    ...(idem ? { idempotency: idem } : {}),
  });
  if (!receipt.ok) {
    // Lost a race: if the lead is converted now, say so rather than "stale".
    const now = await deps.records.get(ws, 'lead', leadId);
    if (now?.record.status === 'closed-converted') {
      return err(domainError('LEAD.ALREADY_CONVERTED', 'This lead has already been converted.'));
    }
    return receipt;
  }
  const r = receipt.value;
  // Records the conversion did not touch keep the version they were read with.
  const versioned = <T extends { id: Id }>(
    kind: 'organisation' | 'contact',
    outcome: { record: T; created: boolean; changed: boolean },
    read: Versioned<unknown> | undefined,
  ): Versioned<T> => ({
    record: outcome.record,
    version:
      outcome.created || outcome.changed || !read ? versionFrom(r, kind, outcome.record.id) : read.version,
  });
  return ok({
    lead: { record: c.lead, version: versionFrom(r, 'lead', leadId) },
    organisation: versioned('organisation', c.organisation, organisation),
    contact: versioned('contact', c.contact, contact),
    ...(c.opportunity
      ? {
          opportunity: {
            record: c.opportunity.record,
            version: versionFrom(r, 'opportunity', c.opportunity.record.id),
          },
        }
      : {}),
  });
}

/** Replays a conversion from the ids it stored, with the records as they are now. */
async function readConversion(
  deps: AppDeps,
  ws: WorkspaceId,
  ids: ConversionIds,
): Promise<Result<ConversionResult>> {
  const [lead, organisation, contact, opportunity] = await Promise.all([
    deps.records.get(ws, 'lead', ids.leadId),
    deps.records.get(ws, 'organisation', ids.organisationId),
    deps.records.get(ws, 'contact', ids.contactId),
    ids.opportunityId ? deps.records.get(ws, 'opportunity', ids.opportunityId) : Promise.resolve(undefined),
  ]);
  if (!lead || lead.record.status !== 'closed-converted') return err(notFound('lead'));
  if (!organisation) return err(notFound('organisation'));
  if (!contact) return err(notFound('contact'));
  return ok({
    lead: lead as Versioned<ConvertedLead>,
    organisation,
    contact,
    ...(opportunity ? { opportunity } : {}),
  });
}
