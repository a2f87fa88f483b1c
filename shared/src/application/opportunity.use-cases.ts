import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id, WorkspaceId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import {
  createOpportunity as createOpportunityRule,
  OpportunityCreateInputSchema,
  OpportunityPatchInputSchema,
  updateOpportunity as updateOpportunityRule,
} from '../opportunity';
import type { Opportunity, StageChange } from '../opportunity/opportunity';
import { markCustomerOnWin } from '../organisation';
import { accessWorkspace } from './access';
import type { AppDeps, Caller } from './deps';
import type { Version, Versioned, Write } from './ports';
import { loadRecord, updateWrite } from './record-commands';
import { createRecord, updateRecord, type Decided, type RuleContext } from './record-use-case';
import { ensureMember, ensureRecord } from './references';

type OpportunityRefs = {
  organisationId?: Id | null;
  primaryContactId?: Id | null;
  campaignId?: Id | null;
  leadId?: Id | null;
  ownerId?: string | null;
};

/** Every reference an opportunity holds must exist here; its primary contact must work at its organisation. */
function referenceChecks(deps: AppDeps, ws: WorkspaceId, input: OpportunityRefs, current?: Opportunity) {
  return [
    () => ensureMember(deps, ws, input.ownerId ?? undefined),
    () => ensureRecord(deps, ws, 'organisation', input.organisationId ?? undefined, 'organisationId'),
    () => ensureRecord(deps, ws, 'campaign', input.campaignId ?? undefined, 'campaignId'),
    () => ensureRecord(deps, ws, 'lead', input.leadId ?? undefined, 'leadId'),
    async (): Promise<Result<void>> => {
      const contactId =
        input.primaryContactId ?? (input.organisationId ? current?.primaryContactId : undefined);
      if (!contactId) return ok(undefined);
      const contact = await ensureRecord(deps, ws, 'contact', contactId, 'primaryContactId');
      if (!contact.ok) return contact;
      const organisationId = input.organisationId ?? current?.organisationId;
      if (contact.value && contact.value.record.organisationId !== organisationId) {
        return err(
          domainError(
            'OPPORTUNITY.CONTACT_NOT_IN_ORGANISATION',
            "The primary contact must work at the deal's organisation.",
          ),
        );
      }
      return ok(undefined);
    },
  ];
}

/** A win makes the organisation a customer, in the same commit as the win itself. */
async function withWinEffects(
  deps: AppDeps,
  ws: WorkspaceId,
  opportunity: Opportunity,
  stageChange: StageChange | undefined,
  events: readonly DomainEvent[],
  ctx: RuleContext,
): Promise<Result<Decided<'opportunity'>>> {
  const writes: Write[] = stageChange ? [{ type: 'stage-change', change: stageChange }] : [];
  if (events.some((e) => e.type === 'opportunity.won')) {
    const organisation = await loadRecord(deps, ws, 'organisation', opportunity.organisationId);
    if (organisation.ok) {
      const customer = markCustomerOnWin(organisation.value.record, { actor: ctx.actor, now: ctx.now });
      if (customer) writes.push(updateWrite('organisation', organisation.value, customer));
    }
  }
  return ok({ record: opportunity, events, writes });
}

export function createOpportunity(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  input: unknown,
): Promise<Result<Versioned<Opportunity>>> {
  return createRecord(
    deps,
    caller,
    ws,
    {
      kind: 'opportunity',
      schema: OpportunityCreateInputSchema,
      checks: (i) => referenceChecks(deps, ws, i),
      decide: async (i, ctx) => {
        const decided = createOpportunityRule(i, {
          id: ctx.id,
          workspaceId: ws,
          actor: ctx.actor,
          now: ctx.now,
          settings: ctx.workspace.settings,
          stageChangeId: ctx.newId(),
          newEventId: ctx.newId,
        });
        if (!decided.ok) return decided;
        const { opportunity, stageChange, events } = decided.value;
        return withWinEffects(deps, ws, opportunity, stageChange, events, ctx);
      },
    },
    input,
  );
}

/** Field edits and stage moves (PATCH {stage, lostReason?, reopen?}); every move is kept in the history. */
export function updateOpportunity(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<Versioned<Opportunity>>> {
  return updateRecord(
    deps,
    caller,
    ws,
    {
      kind: 'opportunity',
      schema: OpportunityPatchInputSchema,
      checks: (i, current) => referenceChecks(deps, ws, i, current),
      decide: async (current, i, ctx) => {
        const decided = updateOpportunityRule(current.record, i, {
          actor: ctx.actor,
          now: ctx.now,
          settings: ctx.workspace.settings,
          stageChangeId: ctx.newId(),
          newEventId: ctx.newId,
        });
        if (!decided.ok) return decided;
        const { opportunity, stageChange, events } = decided.value;
        return withWinEffects(deps, ws, opportunity, stageChange, events, ctx);
      },
    },
    id,
    expected,
    input,
  );
}

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
