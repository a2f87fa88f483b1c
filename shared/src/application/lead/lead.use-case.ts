import { ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import { parseInput } from '../../common/validation';
import {
  decideLeadCreation,
  decideDisqualification,
  DisqualifyInputSchema,
  ensureLeadDeletable,
  LeadCreateInputSchema,
  LeadPatchInputSchema,
  decideLeadUpdate,
  decideReopening,
  type LeadChange,
  type LeadChangeContext,
} from '../../lead';
import type { Lead } from '../../lead/lead';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import { memberRef, recordRef, type EntityDescriptor } from '../record/entity-descriptor';
import type { Version, Versioned } from '../../records/versions';
import { commitRecord, loadForChange, loadRecord, updateWrite } from '../record/record-commands';
import { asDecided, createUseCase, updateUseCase } from '../record/generic-record.use-case';
import { deleteRecord } from '../record/records.use-case';
import { assignLeadOwners } from './lead-owners';

export const leadEntity: EntityDescriptor<'lead', typeof LeadCreateInputSchema, typeof LeadPatchInputSchema> =
  {
    kind: 'lead',
    createSchema: LeadCreateInputSchema,
    patchSchema: LeadPatchInputSchema,
    createReferences: (i) => [memberRef(i.ownerId), recordRef('campaign', i.campaignId, 'campaignId')],
    updateReferences: (i) => [memberRef(i.ownerId), recordRef('campaign', i.campaignId, 'campaignId')],
    create: (i, ctx) => asDecided(decideLeadCreation(i, { ...ctx, workspaceId: ctx.workspace.id })),
    /** A lead that names no owner goes to the workspace's round-robin, when it is on. */
    assignOwner: async (deps, workspace, actor) => {
      const assigned = await assignLeadOwners(deps, workspace, actor);
      return assigned ? { ownerId: assigned.owners[0] ?? actor, write: assigned.write } : undefined;
    },
    /** Edits details, qualification and status (status moves follow the lead's transition table). */
    update: (current, i, ctx) => {
      const decided = decideLeadUpdate(current.record, i, { ...ctx, newEventId: ctx.newId });
      return decided.ok ? ok({ record: decided.value.lead, events: decided.value.events }) : decided;
    },
  };

export const createLead = createUseCase(leadEntity);
export const updateLead = updateUseCase(leadEntity);

/** Disqualifying is a deliberate action on the lead as it is now, so If-Match is optional here. */
export function disqualifyLead(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<Versioned<Lead>>> {
  return changeLead(deps, caller, ws, id, {
    on: expected ? { expected } : 'as-it-is',
    parse: () => parseInput(DisqualifyInputSchema, input),
    decide: (lead, { reason }, ctx) => decideDisqualification(lead, reason, ctx),
  });
}

/**
 * Reopens a disqualified lead (back to working-contacted, its reason dropped) on the version the user
 * saw: the tab's Reopen button. A status PATCH to working-contacted (`updateLead`) does the same.
 */
export function reopenLead(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
): Promise<Result<Versioned<Lead>>> {
  return changeLead(deps, caller, ws, id, {
    on: { expected },
    parse: () => ok(undefined),
    decide: (lead, _input, ctx) => decideReopening(lead, ctx),
  });
}

/**
 * A deliberate action on one lead: access, its input, the lead (on the version the client saw, or as
 * it is now), the pure decision, one commit with its events.
 */
async function changeLead<Input>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  action: {
    readonly on: { readonly expected: Version | undefined } | 'as-it-is';
    readonly parse: () => Result<Input>;
    readonly decide: (lead: Lead, input: Input, ctx: LeadChangeContext) => Result<LeadChange>;
  },
): Promise<Result<Versioned<Lead>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const input = action.parse();
  if (!input.ok) return input;
  const { on } = action;
  const current =
    on === 'as-it-is'
      ? await loadRecord(deps, ws, 'lead', id)
      : await loadForChange(deps, ws, 'lead', id, on.expected);
  if (!current.ok) return current;
  const decided = action.decide(current.value.record, input.value, {
    actor: caller.actor.userId,
    now: deps.clock.now(),
    newEventId: () => deps.ids.newId(),
  });
  if (!decided.ok) return decided;
  return commitRecord(deps, ws, 'lead', decided.value.lead, {
    writes: [updateWrite('lead', current.value, decided.value.lead)],
    events: decided.value.events,
  });
}

/** Soft-deletes a lead; a converted one is read-only and stays. */
export function deleteLead(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
): Promise<Result<void>> {
  return deleteRecord(deps, caller, ws, 'lead', id, expected, async (lead) => ensureLeadDeletable(lead));
}
