import { domainError } from '../common/domain-error';
import { definedOnly, newAudit, type CreateContext } from '../common/record-change';
import { err, ok, type Result } from '../common/result';
import type { Id } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { Opportunity, StageChange } from './opportunity';
import { stageEvents } from './opportunity-events';
import { checkProbabilityFits, lostReasonFor, stagedFields, unknownStage } from './opportunity-rules';
import type { OpportunityCreateInput } from './opportunity.schema';
import type { PipelineSettings } from './stage';
import { findStage, firstOpenStage, isClosed } from './stages';

export type CreateOpportunityContext = CreateContext & {
  readonly settings: PipelineSettings;
  readonly stageChangeId: Id;
  readonly newEventId: () => Id;
  /** The campaign of the lead the input names: a deal from a lead counts for its campaign unless told another. */
  readonly leadCampaignId?: Id;
};

export type OpportunityCreated = {
  readonly opportunity: Opportunity;
  /** The opening row of the stage history (no `from`). */
  readonly stageChange: StageChange;
  /** Empty for an open deal; a deal recorded as already won or lost announces it. */
  readonly events: DomainEvent[];
};

export function decideOpportunityCreation(
  input: OpportunityCreateInput,
  ctx: CreateOpportunityContext,
): Result<OpportunityCreated> {
  const stage =
    input.stage === undefined
      ? firstOpenStage(ctx.settings.stages)
      : findStage(ctx.settings.stages, input.stage);
  if (!stage) {
    return input.stage === undefined
      ? err(domainError('WORKSPACE.INVALID_STAGES', 'The workspace has no open stage.'))
      : unknownStage(input.stage);
  }
  const fits = checkProbabilityFits(stage, input.probability);
  if (!fits.ok) return fits;
  const lostReason = lostReasonFor(stage, input.lostReason, input.lostReason);
  if (!lostReason.ok) return lostReason;

  const opportunity: Opportunity = definedOnly({
    id: ctx.id,
    workspaceId: ctx.workspaceId,
    name: input.name,
    organisationId: input.organisationId,
    amount: input.amount,
    currency: input.currency ?? ctx.settings.defaultCurrency,
    closeDate: input.closeDate,
    ownerId: input.ownerId ?? ctx.actor,
    primaryContactId: input.primaryContactId,
    leadId: input.leadId,
    campaignId: input.campaignId ?? (input.leadId !== undefined ? ctx.leadCampaignId : undefined),
    description: input.description,
    nextStep: input.nextStep,
    stage: stage.id,
    ...stagedFields(stage, input.probability),
    lostReason: lostReason.value,
    closedAt: isClosed(stage) ? ctx.now : undefined,
    stageChangedAt: ctx.now,
    ...newAudit(ctx),
  });
  const stageChange: StageChange = {
    id: ctx.stageChangeId,
    opportunityId: ctx.id,
    to: stage.id,
    by: ctx.actor,
    at: ctx.now,
  };
  return ok({ opportunity, stageChange, events: stageEvents(opportunity, undefined, ctx) });
}
