import type { Contact } from '../../contact/contact';
import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import { parseInput } from '../../common/validation';
import { ConvertLeadInputSchema, decideConversion, type Conversion, type ConvertLeadInput } from '../../lead';
import type { ConvertedLead, Lead } from '../../lead/lead';
import type { Opportunity } from '../../opportunity/opportunity';
import type { Organisation } from '../../organisation/organisation';
import type { Workspace } from '../../workspace/workspace';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import { idempotent, type Idempotency } from '../idempotency';
import type { CommitReceipt } from '../ports';
import type { Versioned } from '../../records/versions';
import type { Write } from '../../records/change-set';
import { insertWrite, loadRecord, notFound, updateWrite, versionFrom } from '../record/record-commands';

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
  const workspace = access.value.workspace.record;
  return idempotent(
    deps,
    ws,
    caller,
    `lead.convert:${leadId}`,
    parsed.value,
    async (idempotency) => {
      for (let attempt = 1; ; attempt++) {
        const result = await attemptConversion(deps, caller, workspace, leadId, parsed.value, idempotency);
        if (result.ok || result.error.code !== 'CONCURRENCY.STALE' || attempt >= ATTEMPTS) return result;
      }
    },
    (stored) => readConversion(deps, ws, stored as ConversionIds),
  );
}

/** What a conversion reads: the lead and whatever the user chose (the pure rule checks the choice). */
type Loaded = {
  readonly lead: Versioned<Lead>;
  readonly organisation?: Versioned<Organisation>;
  readonly contact?: Versioned<Contact>;
};

/** One try: load, decide (pure), commit all or nothing, answer. */
async function attemptConversion(
  deps: AppDeps,
  caller: Caller,
  workspace: Workspace,
  leadId: Id,
  input: ConvertLeadInput,
  idempotency: Idempotency,
): Promise<Result<ConversionResult>> {
  const ws = workspace.id;
  const loaded = await load(deps, ws, leadId, input);
  if (!loaded.ok) return loaded;
  const { lead, organisation, contact } = loaded.value;
  const converted = decideConversion(input, {
    lead: lead.record,
    ...(organisation ? { existingOrganisation: organisation.record } : {}),
    ...(contact ? { existingContact: contact.record } : {}),
    settings: workspace.settings,
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
  const ids: ConversionIds = {
    leadId,
    organisationId: c.organisation.record.id,
    contactId: c.contact.record.id,
    ...(c.opportunity ? { opportunityId: c.opportunity.record.id } : {}),
  };
  const idem = idempotency.record(ids);
  const receipt = await deps.records.commit(ws, {
    writes: writesOf(c, loaded.value),
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
  return ok(resultOf(c, loaded.value, receipt.value));
}

async function load(
  deps: AppDeps,
  ws: WorkspaceId,
  leadId: Id,
  input: ConvertLeadInput,
): Promise<Result<Loaded>> {
  const lead = await loadRecord(deps, ws, 'lead', leadId);
  if (!lead.ok) return lead;
  const contact = input.contactId ? await deps.records.get(ws, 'contact', input.contactId) : undefined;
  // Choosing only a contact means choosing its organisation too.
  const organisationId = input.organisationId ?? contact?.record.organisationId;
  const organisation = organisationId
    ? await deps.records.get(ws, 'organisation', organisationId)
    : undefined;
  return ok({
    lead: lead.value,
    ...(organisation ? { organisation } : {}),
    ...(contact ? { contact } : {}),
  });
}

/** The one atomic change set: the lead, what was created or changed, the new deal and its history. */
function writesOf(c: Conversion, loaded: Loaded): Write[] {
  const writes: Write[] = [updateWrite('lead', loaded.lead, c.lead)];
  if (c.organisation.created) writes.push(insertWrite('organisation', c.organisation.record));
  else if (c.organisation.changed && loaded.organisation)
    writes.push(updateWrite('organisation', loaded.organisation, c.organisation.record));
  if (c.contact.created) writes.push(insertWrite('contact', c.contact.record));
  else if (c.contact.changed && loaded.contact)
    writes.push(updateWrite('contact', loaded.contact, c.contact.record));
  if (c.opportunity) {
    writes.push(insertWrite('opportunity', c.opportunity.record));
    writes.push({ type: 'stage-change', change: c.opportunity.stageChange });
  }
  return writes;
}

/** The records as committed, each with its version; those the conversion did not touch keep theirs. */
function resultOf(c: Conversion, loaded: Loaded, receipt: CommitReceipt): ConversionResult {
  const versioned = <T extends { id: Id }>(
    kind: 'organisation' | 'contact',
    outcome: { record: T; created: boolean; changed: boolean },
    read: Versioned<unknown> | undefined,
  ): Versioned<T> => ({
    record: outcome.record,
    version:
      outcome.created || outcome.changed || !read
        ? versionFrom(receipt, kind, outcome.record.id)
        : read.version,
  });
  return {
    lead: { record: c.lead, version: versionFrom(receipt, 'lead', c.lead.id) },
    organisation: versioned('organisation', c.organisation, loaded.organisation),
    contact: versioned('contact', c.contact, loaded.contact),
    ...(c.opportunity
      ? {
          opportunity: {
            record: c.opportunity.record,
            version: versionFrom(receipt, 'opportunity', c.opportunity.record.id),
          },
        }
      : {}),
  };
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
