import type { Actor } from '@crm/shared';
import { getWorkspace, listMyWorkspaces, type AppDeps, type WorkspaceView } from '@crm/shared/application';

/** Which workspace a message is about, as the use cases let this actor see it. */
export type WorkspaceResolution =
  | { readonly kind: 'found'; readonly workspace: WorkspaceView }
  /** A team not bound, a workspace the actor is not a member of, or none at all: all read alike. */
  | { readonly kind: 'none'; readonly where: 'team' | 'chat' }
  | {
      readonly kind: 'several';
      readonly workspaces: readonly { readonly id: string; readonly name: string }[];
    };

/**
 * In a team's channel: the workspace bound to that team, whatever else is asked. In a personal or
 * group chat: the one the actor chose from the pick list (`chosen`), else their only workspace.
 * Membership is checked by the `getWorkspace` use case, never here.
 */
export async function resolveWorkspace(
  deps: AppDeps,
  actor: Actor,
  teamId: string | undefined,
  chosen?: string,
): Promise<WorkspaceResolution> {
  if (!teamId && chosen) {
    const view = await getWorkspace(deps, actor, chosen);
    return view.ok ? { kind: 'found', workspace: view.value } : { kind: 'none', where: 'chat' };
  }
  if (teamId) {
    const bound = await deps.workspaces.findByTeam(actor.tenantId, teamId);
    if (!bound) return { kind: 'none', where: 'team' };
    const view = await getWorkspace(deps, actor, bound.id);
    return view.ok ? { kind: 'found', workspace: view.value } : { kind: 'none', where: 'team' };
  }
  const mine = await listMyWorkspaces(deps, actor);
  const [only] = mine;
  if (!only) return { kind: 'none', where: 'chat' };
  if (mine.length > 1) {
    const workspaces = mine
      .map((m) => ({ id: m.workspace.id, name: m.workspace.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { kind: 'several', workspaces };
  }
  const view = await getWorkspace(deps, actor, only.workspace.id);
  return view.ok ? { kind: 'found', workspace: view.value } : { kind: 'none', where: 'chat' };
}
