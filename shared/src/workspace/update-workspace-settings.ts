import { touched, type ChangeContext } from '../common/record-change';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { UserId } from '../common/types';
import type { Stage, StageConfig } from '../opportunity/stage';
import { validateStageConfig } from '../opportunity/stages';
import type { Workspace } from './workspace';
import type { WorkspacePatchInput } from './workspace.schema';

/**
 * Renames the workspace or changes its settings. Stages go through `validateStageConfig`; whether a
 * stage that disappears still has opportunities takes a query, so the use case checks that. A patch
 * that changes nothing returns the workspace as it was.
 */
export function decideWorkspaceSettingsUpdate(
  workspace: Workspace,
  patch: WorkspacePatchInput,
  ctx: ChangeContext & { readonly members?: ReadonlySet<UserId> },
): Result<Workspace> {
  const current = workspace.settings;
  let stages = current.stages;
  if (patch.stages !== undefined) {
    const valid = validateStageConfig(patch.stages);
    if (!valid.ok) return valid;
    if (!sameStages(current.stages, valid.value)) stages = valid.value;
  }
  const assignment = patch.leadAssignment
    ? { mode: patch.leadAssignment.mode, memberIds: [...new Set(patch.leadAssignment.memberIds)] }
    : current.leadAssignment;
  const digest = patch.morningDigest
    ? {
        enabled: patch.morningDigest.enabled,
        timeZone: patch.morningDigest.timeZone ?? current.morningDigest?.timeZone ?? 'UTC',
      }
    : current.morningDigest;
  const stranger = patch.leadAssignment?.memberIds.find((id) => ctx.members && !ctx.members.has(id));
  if (stranger !== undefined) {
    return err(
      domainError('OWNER.NOT_A_MEMBER', `${stranger} is not a member of this workspace.`, {
        fields: { 'leadAssignment.memberIds': `${stranger} is not a member` },
      }),
    );
  }
  const next: Workspace = {
    ...workspace,
    name: patch.name ?? workspace.name,
    settings: {
      defaultCurrency: patch.defaultCurrency ?? current.defaultCurrency,
      stages,
      staleAfterDays: patch.staleAfterDays ?? current.staleAfterDays,
      ...(assignment ? { leadAssignment: assignment } : {}),
      ...(digest ? { morningDigest: digest } : {}),
    },
  };
  const changed =
    next.name !== workspace.name ||
    next.settings.defaultCurrency !== current.defaultCurrency ||
    next.settings.staleAfterDays !== current.staleAfterDays ||
    stages !== current.stages ||
    JSON.stringify(assignment) !== JSON.stringify(current.leadAssignment) ||
    JSON.stringify(digest) !== JSON.stringify(current.morningDigest);
  return ok(changed ? touched(next, ctx) : workspace);
}

const sameStage = (a: Stage, b: Stage): boolean =>
  a.id === b.id &&
  a.label === b.label &&
  a.probability === b.probability &&
  a.forecastCategory === b.forecastCategory &&
  a.kind === b.kind;

const sameStages = (a: StageConfig, b: StageConfig): boolean =>
  a.length === b.length && a.every((s, i) => b[i] !== undefined && sameStage(s, b[i]));
