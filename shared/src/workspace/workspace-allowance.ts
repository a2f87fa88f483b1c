import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';

/**
 * Workspaces one person may have created (and still be a member of). Every per-workspace bound (its
 * import queue, its rows) multiplies by this, and any user of the tenant may create workspaces, so
 * it is what keeps one person's share of the server finite. Configurable per process.
 */
export const DEFAULT_WORKSPACES_PER_USER = 20;

/** Whether someone who already created `created` workspaces may create one more under a cap of `max`. */
export function decideWorkspaceAllowance(created: number, max: number): Result<void> {
  if (created < max) return ok(undefined);
  return err(
    domainError(
      'WORKSPACE.LIMIT_REACHED',
      `You have created ${max} workspaces, the most one person may; ask an owner of one to add you, or leave one you no longer use.`,
      { details: { max } },
    ),
  );
}
