import { domainError } from '../common/domain-error';
import { applyPatch, touched, type ChangeContext } from '../common/record-change';
import { err, ok, type Result } from '../common/result';
import type { IdSource } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { Lead, LeadStatus } from './lead';
import { leadReadOnly, leadInvalidTransition, leadReasonRequired } from './lead-errors';
import { leadDisqualified } from './lead-events';
import { leadBase, withState, type LeadState } from './lead-state';
import { canMoveLead } from './lead-transitions';
import { isConvertedLead } from './lead-capabilities';
import type { LeadPatchInput } from './lead.schema';
import { mergeQualification, sameQualification } from './qualification';

export type LeadChangeContext = ChangeContext & { readonly newEventId: IdSource };
export type LeadChange = { readonly lead: Lead; readonly events: readonly DomainEvent[] };

/**
 * Edits a lead's details, qualification and status. A status move follows LEAD_TRANSITIONS;
 * converting has its own rule (`decideConversion`). A patch that changes nothing returns the lead as it
 * was (same audit, no events), so a repeated request is harmless.
 */
export function decideLeadUpdate(
  lead: Lead,
  patch: LeadPatchInput,
  ctx: LeadChangeContext,
): Result<LeadChange> {
  if (isConvertedLead(lead)) return err(leadReadOnly());
  const { status = lead.status, disqualificationReason, qualification, ...details } = patch;

  const state = nextState(lead, status, disqualificationReason?.trim(), ctx);
  if (!state.ok) return state;

  const base = leadBase(lead);
  const edited = applyPatch(base, details);
  const nextQualification = mergeQualification(base.qualification, qualification);
  const stateChanged = state.value !== undefined;
  if (!edited.changed && !stateChanged && sameQualification(base.qualification, nextQualification)) {
    return ok({ lead, events: [] });
  }

  const next = touched(
    withState({ ...edited.record, qualification: nextQualification }, state.value ?? stateOf(lead)),
    ctx,
  );
  const events =
    next.status === 'closed-not-converted' && lead.status !== 'closed-not-converted'
      ? [leadDisqualified(next, { ...ctx, eventId: ctx.newEventId() })]
      : [];
  return ok({ lead: next, events });
}

/** The status data the lead moves into, or undefined when its status (and reason) stay as they are. */
function nextState(
  lead: Exclude<Lead, { status: 'closed-converted' }>,
  to: LeadStatus,
  reason: string | undefined,
  ctx: ChangeContext,
): Result<Exclude<LeadState, { status: 'closed-converted' }> | undefined> {
  if (to !== lead.status && !canMoveLead(lead.status, to)) return err(leadInvalidTransition(lead.status, to));
  if (to !== 'closed-not-converted' && reason) {
    return err(
      domainError('VALIDATION.FAILED', 'Only a disqualified lead has a disqualification reason.', {
        fields: { disqualificationReason: 'only with status closed-not-converted' },
      }),
    );
  }
  switch (to) {
    case 'closed-converted':
      return err(domainError('LEAD.USE_CONVERT', 'Convert the lead to close it as converted.'));
    case 'closed-not-converted': {
      if (lead.status === 'closed-not-converted') {
        // Already disqualified: only a different, non-blank reason is a change.
        if (reason === undefined || reason === lead.disqualificationReason) return ok(undefined);
        if (!reason) return err(leadReasonRequired());
        return ok({ status: to, disqualificationReason: reason, disqualifiedAt: lead.disqualifiedAt });
      }
      if (!reason) return err(leadReasonRequired());
      return ok({ status: to, disqualificationReason: reason, disqualifiedAt: ctx.now });
    }
    case 'open-not-contacted':
    case 'working-contacted':
      // Leaving closed-not-converted drops the reason with the rest of that status's data.
      return ok(to === lead.status ? undefined : { status: to });
    default: {
      const _exhaustive: never = to;
      return _exhaustive;
    }
  }
}

function stateOf(
  lead: Exclude<Lead, { status: 'closed-converted' }>,
): Exclude<LeadState, { status: 'closed-converted' }> {
  switch (lead.status) {
    case 'open-not-contacted':
    case 'working-contacted':
      return { status: lead.status };
    case 'closed-not-converted':
      return {
        status: lead.status,
        disqualificationReason: lead.disqualificationReason,
        disqualifiedAt: lead.disqualifiedAt,
      };
    default: {
      const _exhaustive: never = lead;
      return _exhaustive;
    }
  }
}
