import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import type { AppDeps } from '@crm/shared/application';
import { authenticate } from './auth/authenticate';
import { localOnly } from './auth/local-only';
import type { DevTokenIssuer } from './auth/dev-token-issuer';
import type { TokenVerifier } from './auth/token-verifier';
import { bodyErrors, jsonBody } from './http/json-body';
import { requestLogging, type Logger } from './http/logging';
import { requestDurations } from '@crm/shared/runtime';
import { isStorageBusy, retryAfterSeconds } from '@crm/shared';
import { requestIdOf, sendTransportError, transportProblem, sendProblem } from './http/problem';
import {
  DEFAULT_ADDRESS_RATE_LIMIT,
  DEFAULT_RATE_LIMIT,
  perAddressRateLimit,
  perUserRateLimit,
  type RateLimitOptions,
} from './http/rate-limit';
import { answerOtherMethods } from './http/method-not-allowed';
import { securityHeaders } from './http/security-headers';
import { OPENAPI_OPERATION, openApiDocument } from './openapi/openapi-document';
import type { OperationDoc } from './openapi/operation-doc';
import { apiRoutes } from './routes/api-routes';
import { onDemandBundle, type BrowserBundle } from './bundle/browser-bundle';
import { DEV_TOKEN_OPERATION, devTokenRoute } from './routes/dev-token-route';
import { HEALTH_OPERATIONS, healthRoutes, type ReadinessProbe } from './routes/health-routes';
import { mountRoutes } from './routes/mount-routes';
import { pageRoutes } from './routes/page-routes';

/** A feature mounted beside the JSON routes on the authenticated /api/v1 router (CSV import/export). */
export type ApiExtension = {
  /** Sees requests after authentication and rate limiting, before the JSON-only body parser. */
  readonly router: Router;
  /** What it serves, for the OpenAPI document (paths relative to /api/v1, like RouteSpecs). */
  readonly operations?: readonly OperationDoc[];
};

export type ServerDeps = {
  readonly app: AppDeps;
  readonly verifier: TokenVerifier;
  readonly logger: Logger;
  readonly ready: ReadinessProbe;
  /** Present only with AUTH_MODE=dev: mounts POST /api/dev/token. */
  readonly devTokens?: DevTokenIssuer;
  readonly rateLimit?: RateLimitOptions;
  /** Per client address, before authentication. */
  readonly addressRateLimit?: RateLimitOptions;
  /**
   * Express `trust proxy`: which proxies may say who the client is (X-Forwarded-For). Off unless
   * configured, so a client cannot pick its own address to dodge the limits.
   */
  readonly trustProxy?: TrustProxy;
  /** Largest JSON body accepted. */
  readonly bodyLimit?: string;
  readonly extensions?: readonly ApiExtension[];
  /** The browser bundle: built ahead in production; by default built on demand (development, tests). */
  readonly bundle?: BrowserBundle;
};

/** A hop count, or addresses/subnets/preset names (`loopback`, `uniquelocal`...) of the proxies. */
export type TrustProxy = number | string | false;

const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

/** Builds the HTTP face of the tab: pages, health, the dev sign-in and the /api/v1 routes. */
export function createApp(deps: ServerDeps) {
  const routes = apiRoutes();
  const bodyLimit = deps.bodyLimit ?? '100kb';
  const app = express();
  app.disable('x-powered-by');
  // ETags are versions of records, set by the routes; Express's body hashes would be a second meaning.
  app.set('etag', false);
  app.set('trust proxy', deps.trustProxy ?? false);

  app.use(requestLogging(deps.logger));
  // Request latency by route template (`/api/v1/workspaces/:workspaceId/leads`), known once routed.
  const timeRequest = requestDurations();
  app.use((req, res, next) => {
    timeRequest(req, res, () => (req.route ? `${req.baseUrl}${String(req.route.path)}` : undefined));
    next();
  });
  app.use(securityHeaders());
  app.use(healthRoutes(deps.ready));
  app.use(pageRoutes(deps.bundle ?? onDemandBundle()));

  const document = openApiDocument([
    ...HEALTH_OPERATIONS,
    OPENAPI_OPERATION,
    ...(deps.devTokens ? [DEV_TOKEN_OPERATION] : []),
    ...routes,
    ...(deps.extensions ?? []).flatMap((extension) => extension.operations ?? []),
  ]);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  answerOtherMethods(app.router, '/api/openapi.json', ['GET']);

  if (deps.devTokens) {
    app.post(
      '/api/dev/token',
      noStore,
      localOnly,
      perUserRateLimit({ windowMs: 60_000, limit: 60 }),
      jsonBody(bodyLimit),
      devTokenRoute(deps.devTokens),
    );
    answerOtherMethods(app.router, '/api/dev/token', ['POST']);
  }

  const api = Router();
  api.use(
    noStore,
    perAddressRateLimit(deps.addressRateLimit ?? DEFAULT_ADDRESS_RATE_LIMIT),
    authenticate(deps.verifier),
    perUserRateLimit(deps.rateLimit ?? DEFAULT_RATE_LIMIT),
  );
  for (const extension of deps.extensions ?? []) api.use(extension.router);
  mountRoutes(api, routes, deps.app, jsonBody(bodyLimit));
  app.use('/api/v1', api);

  app.use((req, res) => sendTransportError(req, res, 'ROUTE.NOT_FOUND', 'There is nothing at this address.'));
  app.use(bodyErrors);
  app.use(undecodablePath);
  app.use(storageBusy);
  app.use(lastResort);
  return app;
}

/**
 * Express fails to decode a malformed percent-escape in a path parameter (`/leads/%E0%A4%A`) with a
 * URIError: such an address cannot name anything, so it is a 404 like any other unknown id.
 */
const undecodablePath: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (error instanceof URIError) {
    return sendTransportError(req, res, 'ROUTE.NOT_FOUND', 'There is nothing at this address.');
  }
  next(error);
};

/**
 * Storage refused or did not answer after the storage layer's own retries: 503 with Retry-After, so
 * that clients back off instead of retrying at once (a 500 would invite that).
 */
const storageBusy: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (!isStorageBusy(error) || res.headersSent) return next(error);
  req.log.warn({ err: error, retryAfterMs: error.retryAfterMs, ambiguous: error.ambiguous }, 'storage busy');
  res.set('Retry-After', String(retryAfterSeconds(error)));
  sendTransportError(
    req,
    res,
    'STORAGE.BUSY',
    'Storage is busy or did not answer in time; try again after Retry-After seconds.',
  );
};

/** An exception is a bug or an outage: log it whole, answer 500 without a word of internals. */
const lastResort: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  req.log.error({ err: error }, 'unhandled error');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendProblem(
    res,
    transportProblem(
      'SERVER.INTERNAL',
      'Something went wrong on our side; quote the request id.',
      requestIdOf(req),
    ),
  );
};
