import type { DomainError, Result, Version } from '@crm/shared';
import type { AppDeps, Caller } from '@crm/shared/application';
import type { OperationDoc, SuccessDoc } from '../openapi/operation-doc';

/** The names of the `:params` in an Express path: `'/workspaces/:ws/leads/:id'` → `'ws' | 'id'`. */
export type PathParams<P extends string> = string extends P
  ? string
  : P extends `${string}:${infer Name}/${infer Rest}`
    ? Name | PathParams<`/${Rest}`>
    : P extends `${string}:${infer Name}`
      ? Name
      : never;

/** What a handler gets: the checked path parameters, the raw query and body, who asks, and If-Match. */
export type HttpInput<Param extends string = string> = {
  readonly params: Readonly<Record<Param, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  readonly caller: Caller;
  /** The version named by If-Match; undefined when the header was not sent. */
  readonly expected: Version | undefined;
};

/** What a handler answers; the adapter turns it into status, headers and JSON. */
export type HttpReply = {
  readonly status: number;
  readonly body?: unknown;
  readonly version?: Version;
  readonly location?: string;
};

export type Handler<Param extends string = string> = (
  deps: AppDeps,
  input: HttpInput<Param>,
) => Promise<Result<HttpReply, DomainError>>;

/**
 * One API route, described once: Express mounts it from here and the OpenAPI document is generated
 * from the same list, so the two cannot drift apart. Its `success` is the one answer the handler
 * gives when it works; the document adds the errors every route of its kind shares.
 */
export type RouteSpec<Path extends string = string> = Omit<OperationDoc, 'path' | 'scope' | 'success'> & {
  /** Express syntax, relative to /api/v1: `/workspaces/:ws/leads/:id`. */
  readonly path: Path;
  readonly success: SuccessDoc;
  readonly handle: Handler<PathParams<Path>>;
};

/**
 * Declares a route with its handler's `params` typed from its path, so `params.ws` exists exactly
 * when the path has `:ws`. Express fills every named parameter and mountRoutes checks each one.
 */
export const route = <const Path extends string>(spec: RouteSpec<Path>): RouteSpec =>
  spec as unknown as RouteSpec;
