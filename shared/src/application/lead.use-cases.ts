import type { Result } from '../common/result';
import type { Id, WorkspaceId } from '../common/types';
import { parseInput } from '../common/validation';
import {
  createLead as createLeadRule,
  disqualifyLead as disqualifyLeadRule,
  DisqualifyInputSchema,
  ensureLeadDeletable,
  LeadCreateInputSchema,
  LeadPatchInputSchema,
  updateLead as updateLeadRule,
} from '../lead';
import type { Lead } from '../lead/lead';
import { accessWorkspace } from './access';
import type { AppDeps, Caller } from './deps';
import type { Version, Versioned } from './ports';
import { commitRecord, loadForChange, loadRecord, updateWrite } from './record-commands';
import { asDecided, createRecord, updateRecord } from './record-use-case';
import { deleteRecord } from './records.use-cases';
import { ensureMember, ensureRecord } from './references';

export function createLead(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  input: unknown,
): Promise<Result<Versioned<Lead>>> {
  return createRecord(
    deps,
    caller,
    ws,
    {
      kind: 'lead',
      schema: LeadCreateInputSchema,
      checks: (i) => [
        () => ensureMember(deps, ws, i.ownerId),
        () => ensureRecord(deps, ws, 'campaign', i.campaignId, 'campaignId'),
      ],
      decide: (i, ctx) => asDecided(createLeadRule(i, { ...ctx, workspaceId: ws })),
    },
    input,
  );
}

/** Edits details, qualification and status (status moves follow the lead's transition table). */
export function updateLead(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<Versioned<Lead>>> {
  return updateRecord(
    deps,
    caller,
    ws,
    {
      kind: 'lead',
      schema: LeadPatchInputSchema,
      checks: (i) => [
        () => ensureMember(deps, ws, i.ownerId ?? undefined),
        () => ensureRecord(deps, ws, 'campaign', i.campaignId ?? undefined, 'campaignId'),
      ],
      decide: (current, i, ctx) => {
        const decided = updateLeadRule(current.record, i, { ...ctx, newEventId: ctx.newId });
        return decided.ok
          ? { ok: true, value: { record: decided.value.lead, events: decided.value.events } }
          : decided;
      },
    },
    id,
    expected,
    input,
  );
}

/** Disqualifying is a deliberate action on the lead as it is now, so If-Match is optional here. */
export async function disqualifyLead(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<Versioned<Lead>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const parsed = parseInput(DisqualifyInputSchema, input);
  if (!parsed.ok) return parsed;
  const current = expected
    ? await loadForChange(deps, ws, 'lead', id, expected)
    : await loadRecord(deps, ws, 'lead', id);
  if (!current.ok) return current;
  const decided = disqualifyLeadRule(current.value.record, parsed.value.reason, {
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
