import type { Request, Response } from 'express';
import type { Actor } from '@crm/shared';
import type { Caller } from '@crm/shared/application';

/** What authentication proved about the request, kept on `res.locals` for the handlers after it. */
export function setActor(res: Response, actor: Actor): void {
  res.locals.actor = actor;
}

export function actorOf(res: Response): Actor | undefined {
  return res.locals.actor as Actor | undefined;
}

/** The caller a use case needs: the verified actor and, if sent, the client's Idempotency-Key. */
export function callerOf(req: Request, res: Response): Caller {
  const actor = actorOf(res);
  if (!actor) throw new Error('callerOf used on a route without authentication');
  const key = req.get('idempotency-key');
  return key === undefined ? { actor } : { actor, idempotencyKey: key };
}
