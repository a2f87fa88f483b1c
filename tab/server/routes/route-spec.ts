import type { z } from 'zod';
import type { DomainError, Result, Version } from '@crm/shared';
import type { AppDeps, Caller } from '@crm/shared/application';

/** What a handler gets: the checked path parameters, the raw query and body, who asks, and If-Match. */
export type HttpInput = {
  readonly params: Readonly<Record<string, string>>;
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

export type Handler = (deps: AppDeps, input: HttpInput) => Promise<Result<HttpReply, DomainError>>;

/**
 * One API route, described once: Express mounts it from here and the OpenAPI document is generated
 * from the same list, so the two cannot drift apart.
 */
export type RouteSpec = {
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  /** Express syntax, relative to /api/v1: `/workspaces/:ws/leads/:id`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly body?: z.ZodType;
  /** Query parameters, for the document; the use cases check them. */
  readonly query?: z.ZodType;
  readonly ifMatch?: 'required' | 'optional';
  readonly idempotent?: boolean;
  /** Success status and what it returns, for the document. */
  readonly success: { readonly status: number; readonly description: string; readonly schema?: z.ZodType };
  /** Error statuses worth listing beyond 400/401/404/429/500. */
  readonly errors?: readonly number[];
  readonly handle: Handler;
};
