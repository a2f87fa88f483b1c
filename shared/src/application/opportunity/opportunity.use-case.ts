import { ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import type { DomainEvent } from '../../events/domain-event';
import {
  checkDealContact,
  decideOpportunityCreation,
  customerAfterWin,
  OpportunityCreateInputSchema,
  OpportunityPatchInputSchema,
  decideOpportunityUpdate,
} from '../../opportunity';
import type { Opportunity, StageChange } from '../../opportunity/opportunity';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import {
  memberRef,
  recordRef,
  referenced,
  type Decided,
  type EntityDescriptor,
  type Reference,
  type Referenced,
  type RuleContext,
} from '../record/entity-descriptor';
import type { Write } from '../../records/change-set';
import { loadRecord, updateWrite } from '../record/record-commands';
import { createUseCase, updateUseCase } from '../record/generic-record.use-case';

type OpportunityRefs = {
  organisationId?: Id | null;
  primaryContactId?: Id | null;
  campaignId?: Id | null;
  leadId?: Id | null;
  ownerId?: string | null;
};

/**
 * Every reference an opportunity holds must exist here. Its organisation is loaded even when the
 * edit keeps it (optional then): a win makes it a customer in the same commit.
 */
function references(input: OpportunityRefs, current?: Opportunity): Reference[] {
  const contactId = input.primaryContactId ?? (input.organisationId ? current?.primaryContactId : undefined);
  const organisation = input.organisationId
    ? recordRef('organisation', input.organisationId, 'organisationId')
    : { ...recordRef('organisation', current?.organisationId, 'organisationId'), optional: true as const };
  return [
    memberRef(input.ownerId),
    organisation,
    recordRef('campaign', input.campaignId, 'campaignId'),
    recordRef('lead', input.leadId, 'leadId'),
    recordRef('contact', contactId, 'primaryContactId'),
  ];
}

/** The deal as its rule decided it, with the contact check before and the win's effect after (opportunity/deal-policies.ts). */
function decideDeal(
  refs: Referenced,
  ctx: RuleContext,
  rule: () => Result<{ opportunity: Opportunity; stageChange?: StageChange; events: DomainEvent[] }>,
  organisationId: Id,
): Result<Decided<'opportunity'>> {
  const contact = referenced(refs, 'contact', 'primaryContactId');
  const fits = checkDealContact(contact?.record, organisationId);
  if (!fits.ok) return fits;
  const decided = rule();
  if (!decided.ok) return decided;
  const { opportunity, stageChange, events } = decided.value;
  const writes: Write[] = stageChange ? [{ type: 'stage-change', change: stageChange }] : [];
  const organisation = referenced(refs, 'organisation', 'organisationId');
  const customer = customerAfterWin(events, organisation?.record, ctx);
  if (organisation && customer) writes.push(updateWrite('organisation', organisation, customer));
  return ok({ record: opportunity, events, writes });
}

/** The campaign of the lead a new deal names, which the deal takes unless told another. */
function leadCampaign(refs: Referenced): { leadCampaignId?: Id } {
  const campaignId = referenced(refs, 'lead', 'leadId')?.record.campaignId;
  return campaignId === undefined ? {} : { leadCampaignId: campaignId };
}

export const opportunityEntity: EntityDescriptor<
  'opportunity',
  typeof OpportunityCreateInputSchema,
  typeof OpportunityPatchInputSchema
> = {
  kind: 'opportunity',
  createSchema: OpportunityCreateInputSchema,
  patchSchema: OpportunityPatchInputSchema,
  createReferences: (i) => references(i),
  updateReferences: (i, current) => references(i, current),
  create: (i, ctx, refs) =>
    decideDeal(
      refs,
      ctx,
      () =>
        decideOpportunityCreation(i, {
          id: ctx.id,
          workspaceId: ctx.workspace.id,
          actor: ctx.actor,
          now: ctx.now,
          settings: ctx.workspace.settings,
          stageChangeId: ctx.newId(),
          newEventId: ctx.newId,
          ...leadCampaign(refs),
        }),
      i.organisationId,
    ),
  /** Field edits and stage moves (PATCH {stage, lostReason?, reopen?}); every move is kept in the history. */
  update: (current, i, ctx, refs) =>
    decideDeal(
      refs,
      ctx,
      () =>
        decideOpportunityUpdate(current.record, i, {
          actor: ctx.actor,
          now: ctx.now,
          settings: ctx.workspace.settings,
          stageChangeId: ctx.newId(),
          newEventId: ctx.newId,
        }),
      i.organisationId ?? current.record.organisationId,
    ),
};

export const createOpportunity = createUseCase(opportunityEntity);
export const updateOpportunity = updateUseCase(opportunityEntity);

export async function opportunityHistory(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
): Promise<Result<StageChange[]>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const opportunity = await loadRecord(deps, ws, 'opportunity', id);
  if (!opportunity.ok) return opportunity;
  return ok(await deps.records.stageHistory(ws, id));
}
