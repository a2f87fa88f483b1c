import type { z } from 'zod';

/** Response headers the document names; each is declared once under `components.headers`. */
export type HeaderName = 'ETag' | 'Location' | 'Retry-After' | 'Content-Disposition';

/** One answer an operation gives when it works (a 2xx), for the document. */
export type SuccessDoc = {
  readonly status: number;
  readonly description: string;
  /** Its body; none for a 204. JSON unless `contentType` says otherwise. */
  readonly schema?: z.ZodType;
  readonly contentType?: string;
  /** Headers it always carries (Retry-After here: while a job runs, say so in the description). */
  readonly headers?: readonly HeaderName[];
};

/**
 * What the OpenAPI document says about one operation. JSON routes carry it in their RouteSpec; the
 * CSV routes and the service endpoints declare it beside the code that serves them. The document adds
 * the errors every operation of its kind shares (see `sharedErrors` in openapi-document.ts), so
 * `errors` lists only those particular to the operation, each with the codes that cause it.
 */
export type OperationDoc = {
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  /**
   * Express syntax. `api` operations: relative to /api/v1, bearer token, rate limited;
   * `public` ones: the full path, no token.
   */
  readonly path: string;
  readonly scope?: 'api' | 'public';
  readonly tag: string;
  /** Unique, camelCase, verb first: `listLeads`, `convertLead`. Generated clients and Copilot call it by this name. */
  readonly operationId: string;
  /** One line, imperative: what it does. */
  readonly summary: string;
  /** What it does, what it needs (role, headers, body), what it answers and its notable errors. */
  readonly description: string;
  /** The request body (JSON unless `bodyType` says otherwise). */
  readonly body?: z.ZodType;
  readonly bodyType?: string;
  /** Query parameters, for the document; the use cases check them. */
  readonly query?: z.ZodObject;
  readonly ifMatch?: 'required' | 'optional';
  readonly idempotent?: boolean;
  readonly success: SuccessDoc | readonly SuccessDoc[];
  /** Errors beyond the shared ones (or a sharper description of a shared one), by status. */
  readonly errors?: Readonly<Partial<Record<number, string>>>;
};

export const successesOf = (doc: OperationDoc): readonly SuccessDoc[] =>
  Array.isArray(doc.success) ? doc.success : [doc.success as SuccessDoc];
