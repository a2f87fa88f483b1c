import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Actor, Id, WorkspaceId } from '../../common/types';
import { decodeCursor } from '../../records/cursor';
import type { Page } from '../../records/versions';
import { accessWorkspace } from '../access';
import type { AppDeps } from '../deps';
import type { DeadLetter } from '../ports';

/** How many dead letters one page holds at most (they are few: each is an event given up on). */
export const DEAD_LETTER_LIMIT = { default: 50, max: 1000 } as const;

/**
 * The workspace's notifications the relay gave up on (owners only: they decide whether to send one
 * again), newest event first.
 */
export async function listDeadLetters(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  params: { readonly limit?: number; readonly cursor?: string },
): Promise<Result<Page<DeadLetter>>> {
  const access = await accessWorkspace(deps, actor, ws, 'manage');
  if (!access.ok) return access;
  const limit = params.limit ?? DEAD_LETTER_LIMIT.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > DEAD_LETTER_LIMIT.max) {
    const rule = `must be 1–${DEAD_LETTER_LIMIT.max}`;
    return err(domainError('VALIDATION.FAILED', `limit ${rule}.`, { fields: { limit: rule } }));
  }
  if (params.cursor && decodeCursor(params.cursor) === undefined) {
    return err(
      domainError('VALIDATION.FAILED', 'The cursor is not one this list issued; start again without it.', {
        fields: { cursor: 'invalid' },
      }),
    );
  }
  return ok(
    await deps.outbox.deadLetters(ws, { limit, ...(params.cursor ? { cursor: params.cursor } : {}) }),
  );
}

/**
 * Sends a dead letter again (owners only): it goes back to its place in the outbox, the targets that
 * had the post keep it and the others are tried afresh, with a full set of attempts.
 */
export async function requeueDeadLetter(
  deps: AppDeps,
  actor: Actor,
  ws: WorkspaceId,
  eventId: Id,
): Promise<Result<DeadLetter>> {
  const access = await accessWorkspace(deps, actor, ws, 'manage');
  if (!access.ok) return access;
  return deps.outbox.requeue(ws, eventId);
}
