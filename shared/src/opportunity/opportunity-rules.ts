import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Opportunity } from './opportunity';
import { LOST, type Stage, type StageId } from './stage';
import { isClosed } from './stages';

type Staged = Pick<Opportunity, 'probability' | 'probabilityOverridden' | 'forecastCategory'>;

/**
 * Probability follows the stage unless a hand-set value overrides it; a closed deal's probability is
 * a fact (100 or 0), never an estimate, so closing drops the override. The forecast category always
 * follows the stage.
 */
export function stagedFields(stage: Stage, override: number | undefined): Staged {
  const manual = override !== undefined && !isClosed(stage);
  return {
    probability: manual ? override : stage.probability,
    probabilityOverridden: manual,
    forecastCategory: stage.forecastCategory,
  };
}

export const unknownStage = (id: StageId) =>
  err(
    domainError('OPPORTUNITY.UNKNOWN_STAGE', `Stage "${id}" is not one of this workspace's stages.`, {
      details: { stage: id },
    }),
  );

/** A closed stage fixes the probability: a hand-set value that differs is a mistake, not a wish. */
export function checkProbabilityFits(stage: Stage, probability: number | null | undefined): Result<void> {
  if (typeof probability !== 'number' || !isClosed(stage) || probability === stage.probability)
    return ok(undefined);
  return err(
    domainError('VALIDATION.FAILED', `A ${stage.id} opportunity's probability is ${stage.probability}.`, {
      fields: { probability: `must be ${stage.probability} for ${stage.id}` },
    }),
  );
}

/** closed-lost needs a reason; any other stage has none. Returns the reason the record keeps. */
export function lostReasonFor(
  stage: Stage,
  reason: string | undefined,
  given: string | null | undefined,
): Result<string | undefined> {
  const kept = reason?.trim() || undefined;
  if (stage.id === LOST) {
    return kept
      ? ok(kept)
      : err(
          domainError('OPPORTUNITY.LOST_REASON_REQUIRED', 'A lost opportunity needs a reason.', {
            fields: { lostReason: 'required' },
          }),
        );
  }
  if (given?.trim()) {
    return err(
      domainError('VALIDATION.FAILED', 'Only a closed-lost opportunity has a lost reason.', {
        fields: { lostReason: `not allowed for stage ${stage.id}` },
      }),
    );
  }
  return ok(undefined);
}
