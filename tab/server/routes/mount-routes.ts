import type { Request, RequestHandler, Response, Router } from 'express';
import { domainError, err, type DomainError, type Result } from '@crm/shared';
import { type AppDeps, type Caller } from '@crm/shared/application';
import { inSpan } from '@crm/shared/telemetry';
import { toEtag, versionFromIfMatch } from '../http/etag';
import { answerOtherMethods } from '../http/method-not-allowed';
import { sendDomainError } from '../http/problem';
import { callerOf } from '../http/request-context';
import type { HttpReply, RouteSpec } from './route-spec';

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
  stage: {
    pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    notFound: () => domainError('OPPORTUNITY.UNKNOWN_STAGE', "That is not one of this workspace's stages."),
  },
  eventId: {
    pattern: ID,
    notFound: () => domainError('NOTIFICATION.NOT_FOUND', 'There is no such undelivered notification.'),
  },
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

/**
 * Mounts each route on `router`; a known path with another method answers 405 with Allow. Only routes
 * that read a body parse one (`body`: JSON only, 415/413/400); the others never look at it, so a
 * stray body cannot turn a GET into an error the document does not list.
 */
export function mountRoutes(
  router: Router,
  routes: readonly RouteSpec[],
  deps: AppDeps,
  body: RequestHandler,
): void {
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) {
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method.toUpperCase()]);
    const handle: RequestHandler = (req, res) => run(route, deps, req, res);
    if (route.body) router[route.method](route.path, body, handle);
    else router[route.method](route.path, handle);
  }
  // Most specific first: `/organisations/merge` must answer its own 405, not `/organisations/:id`'s.
  const paths = [...methodsByPath.keys()].sort(bySpecificity);
  for (const path of paths) answerOtherMethods(router, path, methodsByPath.get(path) ?? []);
}

/**
 * Two paths that match one URL have as many segments, each the same literal or a `:param` on one
 * side; ordered by where their params are (literal first), the more specific one comes first. A total
 * order (it compares the param pattern only), so sort is well defined for paths that never clash too.
 */
const paramPattern = (path: string): string =>
  path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '1' : '0'))
    .join('');
const bySpecificity = (a: string, b: string): number => {
  const [x, y] = [paramPattern(a), paramPattern(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** What a route reads from a request, whatever carried it: Express, or the tab specs' in-process API. */
export type RouteRequest = {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  readonly caller: Caller;
  /** The If-Match header as sent. */
  readonly ifMatch: string | undefined;
};

/** Checks the path parameters and the Idempotency-Key, then asks the route's handler. */
export async function runRoute(
  route: RouteSpec,
  deps: AppDeps,
  request: RouteRequest,
): Promise<Result<HttpReply, DomainError>> {
  const invalid = checkParams(request.params) ?? checkIdempotencyKey(request.caller.idempotencyKey);
  if (invalid) return err(invalid);
  // The use case's span: a child of the HTTP request's, the parent of each storage call's.
  const ws = request.params.ws;
  return inSpan(
    `api ${route.operationId}`,
    { 'crm.operation': route.operationId, ...(ws ? { 'crm.workspace.id': ws } : {}) },
    () =>
      route.handle(deps, {
        params: request.params,
        query: request.query,
        body: request.body,
        caller: request.caller,
        expected: versionFromIfMatch(request.ifMatch),
      }),
  );
}

async function run(route: RouteSpec, deps: AppDeps, req: Request, res: Response): Promise<void> {
  const result = await runRoute(route, deps, {
    params: req.params as Record<string, string>,
    query: req.query as Record<string, unknown>,
    body: req.body,
    caller: callerOf(req, res),
    ifMatch: req.get('if-match'),
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
