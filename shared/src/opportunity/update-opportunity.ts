import { domainError } from '../common/domain-error';
import { applyPatch, definedOnly, touched, type ChangeContext } from '../common/record-change';
import { err, ok, type Result } from '../common/result';
import type { Id } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import { checkClosedDealEdit } from './closed-deal';
import type { Opportunity, StageChange } from './opportunity';
import { ownerChangeEvents, stageEvents } from './opportunity-events';
import { checkProbabilityFits, lostReasonFor, stagedFields, unknownStage } from './opportunity-rules';
import type { OpportunityPatchInput } from './opportunity.schema';
import type { PipelineSettings } from './stage';
import { findStage, isClosed, isClosedStageId } from './stages';

export type UpdateOpportunityContext = ChangeContext & {
  readonly settings: PipelineSettings;
  /** Used only when the stage changes. */
  readonly stageChangeId: Id;
  readonly newEventId: () => Id;
};

export type OpportunityUpdated = {
  readonly opportunity: Opportunity;
  /** Present exactly when the stage changed. */
  readonly stageChange?: StageChange;
  readonly events: DomainEvent[];
};

/**
 * Edits an opportunity and moves it between stages. A closed deal (won or lost) moves only with
 * `reopen: true`, won → lost included; probability follows the stage unless set by hand; the
 * forecast category always follows it; entering closed-lost needs a reason and leaving it drops it.
 */
export function decideOpportunityUpdate(
  opp: Opportunity,
  patch: OpportunityPatchInput,
  ctx: UpdateOpportunityContext,
): Result<OpportunityUpdated> {
  const target = findStage(ctx.settings.stages, patch.stage ?? opp.stage);
  if (!target) return unknownStage(patch.stage ?? opp.stage);
  const moves = target.id !== opp.stage;
  const wasClosed = isClosedStageId(opp.stage);
  const reopening = wasClosed && patch.reopen === true;

  if (wasClosed && !reopening) {
    if (moves) {
      return err(
        domainError(
          'OPPORTUNITY.CLOSED',
          'A closed opportunity changes stage only when reopened (reopen: true).',
        ),
      );
    }
    const edit = checkClosedDealEdit(opp, patch);
    if (!edit.ok) return edit;
  }
  if (reopening && !moves) {
    return err(
      domainError('VALIDATION.FAILED', 'Reopening needs the stage to move to.', {
        fields: { stage: 'required to reopen' },
      }),
    );
  }
  const fits = checkProbabilityFits(target, patch.probability);
  if (!fits.ok) return fits;
  const reason = patch.lostReason === undefined ? opp.lostReason : (patch.lostReason ?? undefined);
  const lostReason = lostReasonFor(target, reason, patch.lostReason);
  if (!lostReason.ok) return lostReason;

  const edited = applyPatch<Opportunity>(opp, {
    name: patch.name,
    organisationId: patch.organisationId,
    amount: patch.amount,
    currency: patch.currency,
    closeDate: patch.closeDate,
    ownerId: patch.ownerId,
    primaryContactId: patch.primaryContactId,
    campaignId: patch.campaignId,
    description: patch.description,
    nextStep: patch.nextStep,
  }).record;
  const override = overrideAfter(opp, patch.probability);
  const closedAt = isClosed(target) ? (moves ? ctx.now : (opp.closedAt ?? ctx.now)) : undefined;

  const opportunity: Opportunity = definedOnly(
    touched(
      {
        ...edited,
        stage: target.id,
        // Recomputed on every edit, so a re-weighted stage reaches its deals as they are touched.
        ...stagedFields(target, override),
        lostReason: lostReason.value,
        closedAt,
        stageChangedAt: moves ? ctx.now : opp.stageChangedAt,
      },
      ctx,
    ),
  );
  const handedOver = ownerChangeEvents(opp, opportunity, ctx);
  if (!moves) return ok({ opportunity, events: handedOver });
  const stageChange: StageChange = {
    id: ctx.stageChangeId,
    opportunityId: opp.id,
    from: opp.stage,
    to: target.id,
    by: ctx.actor,
    at: ctx.now,
    ...(reopening ? { reopened: true } : {}),
  };
  return ok({
    opportunity,
    stageChange,
    events: [...stageEvents(opportunity, opp.stage, ctx), ...handedOver],
  });
}

/** Absent keeps the hand-set probability (if any), null drops it, a number sets it. */
function overrideAfter(opp: Opportunity, given: number | null | undefined): number | undefined {
  if (given === undefined) return opp.probabilityOverridden ? opp.probability : undefined;
  return given ?? undefined;
}
