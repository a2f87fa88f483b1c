import type { Result } from '../common/result';
import type { Id, WorkspaceId } from '../common/types';
import {
  CampaignCreateInputSchema,
  CampaignPatchInputSchema,
  createCampaign as createCampaignRule,
  updateCampaign as updateCampaignRule,
} from '../campaign';
import type { Campaign } from '../campaign/campaign';
import type { AppDeps, Caller } from './deps';
import type { Version, Versioned } from './ports';
import { asDecided, createRecord, updateRecord } from './record-use-case';
import { ensureMember } from './references';

export function createCampaign(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  input: unknown,
): Promise<Result<Versioned<Campaign>>> {
  return createRecord(
    deps,
    caller,
    ws,
    {
      kind: 'campaign',
      schema: CampaignCreateInputSchema,
      checks: (i) => [() => ensureMember(deps, ws, i.ownerId)],
      decide: (i, ctx) =>
        asDecided(createCampaignRule(i, { ...ctx, workspaceId: ws, settings: ctx.workspace.settings })),
    },
    input,
  );
}

export function updateCampaign(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<Versioned<Campaign>>> {
  return updateRecord(
    deps,
    caller,
    ws,
    {
      kind: 'campaign',
      schema: CampaignPatchInputSchema,
      checks: (i) => [() => ensureMember(deps, ws, i.ownerId ?? undefined)],
      decide: (current, i, ctx) => asDecided(updateCampaignRule(current.record, i, ctx)),
    },
    id,
    expected,
    input,
  );
}
