import type { Request, Response, Router } from 'express';
import { domainError, type DomainError } from '@crm/shared';
import { type AppDeps } from '@crm/shared/application';
import { toEtag, versionFromIfMatch } from '../http/etag';
import { sendDomainError, sendTransportError } from '../http/problem';
import { callerOf } from '../http/request-context';
import type { RouteSpec } from './route-spec';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const USER_ID = /^[A-Za-z0-9._:@-]{1,128}$/;
/** A Teams conversation id: `19:…@thread.tacv2`, `a:…`. */
const CONVERSATION_ID = /^[A-Za-z0-9._:@;=-]{1,256}$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._~:+=-]{1,128}$/;

/**
 * Path parameters that cannot name anything are answered here as "not found", before they reach
 * storage (whose keys forbid `/ \ # ?`), so a strange URL is a 404 and never a 5xx.
 */
const PARAM_RULES: Record<string, { pattern: RegExp; notFound: () => DomainError }> = {
  ws: { pattern: ID, notFound: () => domainError('WORKSPACE.NOT_FOUND', 'No such workspace.') },
  id: { pattern: ID, notFound: () => domainError('RECORD.NOT_FOUND', 'No such record in this workspace.') },
  userId: { pattern: USER_ID, notFound: () => domainError('WORKSPACE.MEMBER_NOT_FOUND', 'No such member.') },
  conversationId: {
    pattern: CONVERSATION_ID,
    notFound: () => domainError('CHANNEL.NOT_FOUND', 'This channel does not hear this workspace.'),
  },
};

function checkParams(params: Record<string, string>): DomainError | undefined {
  for (const [name, value] of Object.entries(params)) {
    const rule = PARAM_RULES[name];
    if (!rule) throw new Error(`No rule for path parameter :${name}`);
    if (!rule.pattern.test(value)) return rule.notFound();
  }
  return undefined;
}

function checkIdempotencyKey(key: string | undefined): DomainError | undefined {
  if (key === undefined || IDEMPOTENCY_KEY.test(key)) return undefined;
  return domainError('VALIDATION.FAILED', 'Idempotency-Key must be 1–128 letters, digits or ._~:+=-', {
    fields: { 'Idempotency-Key': 'invalid' },
  });
}

/** Mounts each route on `router`; a known path with another method answers 405 with Allow. */
export function mountRoutes(router: Router, routes: readonly RouteSpec[], deps: AppDeps): void {
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) {
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method.toUpperCase()]);
    router[route.method](route.path, (req, res) => run(route, deps, req, res));
  }
  for (const [path, methods] of methodsByPath) {
    router.all(path, (req, res) => {
      res.set('Allow', methods.join(', '));
      sendTransportError(req, res, 'ROUTE.METHOD_NOT_ALLOWED', `Use ${methods.join(', ')} here.`);
    });
  }
}

async function run(route: RouteSpec, deps: AppDeps, req: Request, res: Response): Promise<void> {
  const params = req.params as Record<string, string>;
  const invalid = checkParams(params) ?? checkIdempotencyKey(req.get('idempotency-key'));
  if (invalid) return sendDomainError(req, res, invalid);
  const result = await route.handle(deps, {
    params,
    query: req.query as Record<string, unknown>,
    body: req.body,
    caller: callerOf(req, res),
    expected: versionFromIfMatch(req.get('if-match')),
  });
  if (!result.ok) return sendDomainError(req, res, result.error);
  const reply = result.value;
  if (reply.version) res.set('ETag', toEtag(reply.version));
  if (reply.location) res.location(reply.location);
  if (reply.body === undefined) {
    res.status(reply.status).end();
    return;
  }
  res.status(reply.status).json(reply.body);
}
