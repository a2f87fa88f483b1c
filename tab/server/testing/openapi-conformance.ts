import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** One request and the answer the server gave, as the recorder saw it leave. */
export type Exchange = {
  readonly server: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
};

/**
 * Wraps an app so that every answer it gives is handed to `check` just before it is sent — whichever
 * test helper asked for it — so no response escapes the document's scrutiny.
 */
export function recording(
  server: string,
  app: Handler,
  check: (exchange: Exchange) => void,
  broke: (error: unknown) => void,
): Handler {
  return (req, res) => {
    const url = req.url ?? '';
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : typeof chunk === 'string'
            ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
            : Buffer.from(chunk as Uint8Array),
      );
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      try {
        check({
          server,
          method: req.method ?? 'GET',
          url,
          status: res.statusCode,
          headers: res.getHeaders(),
          body: Buffer.concat(chunks),
        });
      } catch (error) {
        // The checker's own failure must never change what the server answers.
        broke(error);
      }
      return end(...args);
    }) as typeof res.end;
    app(req, res);
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A JSON Pointer segment, URI-encoded as Ajv wants it inside a `$ref`. */
const pointer = (segments: readonly string[]): string =>
  segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

const resolvePointer = (doc: Json, ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined),
      doc,
    );

/** An operation of the document: where it is and what it says. */
export type DocumentedOperation = {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly operation: Json;
};

/** What the document says, made checkable: operations, path matching and response validation. */
export function conformanceOf(doc: Json) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  // The document's own fields, so that Ajv can take it as the root that `$ref`s point into.
  ajv.addVocabulary([
    'openapi',
    'info',
    'tags',
    'servers',
    'paths',
    'components',
    'security',
    'externalDocs',
  ]);
  ajv.addSchema(doc, 'openapi.json');
  const validators = new Map<string, ValidateFunction>();
  /** The first few distinct complaints: a `oneOf` of six record kinds explains itself at length. */
  const errorsOf = (validate: ValidateFunction): string => {
    const all = [
      ...new Set((validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)),
    ];
    return `${all.slice(0, 6).join('; ')}${all.length > 6 ? `; … ${all.length - 6} more` : ''}`;
  };
  const validatorAt = (segments: readonly string[]): ValidateFunction => {
    const ref = `openapi.json#/${pointer(segments)}`;
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      validators.set(ref, validate);
    }
    return validate;
  };

  const paths = doc.paths as Record<string, Record<string, Json>>;
  const operations: DocumentedOperation[] = Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        operationId: String(operation.operationId),
        method,
        path,
        operation,
      })),
  );
  // A literal segment wins over a parameter (`/leads/export` before `/leads/{id}`), as Express mounts them.
  const templates = Object.keys(paths)
    .map((path) => ({
      path,
      regex: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
      params: (path.match(/\{/g) ?? []).length,
    }))
    .sort((a, b) => a.params - b.params);
  const pathOf = (url: string): string | undefined =>
    templates.find((t) => t.regex.test(url.split('?')[0] ?? ''))?.path;

  /** A `$ref` to components.responses, or the response itself: where it lives, for the validator. */
  const responseAt = (segments: string[], response: Json): { at: string[]; response: Json } => {
    const ref = response.$ref;
    if (typeof ref !== 'string') return { at: segments, response };
    const at = ref.replace(/^#\//, '').split('/');
    return { at, response: resolvePointer(doc, ref) as Json };
  };

  function checkResponse(at: string[], declared: Json, exchange: Exchange): string[] {
    const { at: where, response } = responseAt(at, declared);
    const problems: string[] = [];
    for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
      const spec = (typeof header.$ref === 'string' ? resolvePointer(doc, header.$ref) : header) as Json;
      const value = exchange.headers[name.toLowerCase()];
      if (value === undefined) {
        if (spec.required) problems.push(`header ${name} is documented as required but missing`);
        continue;
      }
      const headerAt =
        typeof header.$ref === 'string'
          ? [...header.$ref.replace(/^#\//, '').split('/'), 'schema']
          : [...where, 'headers', name, 'schema'];
      const validate = validatorAt(headerAt);
      if (!validate(String(value))) problems.push(`header ${name}: ${errorsOf(validate)}`);
    }
    const content = (response.content ?? {}) as Record<string, Json>;
    const mediaType = String(exchange.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (exchange.body.length === 0) {
      if (Object.keys(content).length > 0)
        problems.push(`documented with ${Object.keys(content).join(', ')} but the body is empty`);
      return problems;
    }
    if (!mediaType || !content[mediaType]) {
      problems.push(
        `content type ${mediaType || '(none)'} is not documented (documented: ${Object.keys(content).join(', ') || 'no body'})`,
      );
      return problems;
    }
    let body: unknown;
    const text = exchange.body.toString('utf8');
    if (/[/+]json$/.test(mediaType)) {
      try {
        body = JSON.parse(text);
      } catch {
        return [...problems, `the body is not JSON: ${text.slice(0, 80)}`];
      }
    } else body = text;
    if (!content[mediaType]?.schema) return [...problems, `${mediaType} has no schema`];
    const validate = validatorAt([...where, 'content', mediaType, 'schema']);
    if (!validate(body)) problems.push(`body: ${errorsOf(validate)}`);
    return problems;
  }

  /** What the document says this answer should have been; [] when it conforms. */
  function check(exchange: Exchange): { operationId?: string; problems: string[] } {
    const path = pathOf(exchange.url);
    const method = exchange.method.toLowerCase();
    if (!path) {
      if (exchange.status !== 404) return { problems: [`${exchange.status} for an undocumented path`] };
      return { problems: checkResponse([], { $ref: '#/components/responses/RouteNotFound' }, exchange) };
    }
    const item = paths[path] ?? {};
    const operation = item[method];
    if (!operation) {
      const allowed = Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => m.toUpperCase())
        .sort();
      const allow = String(exchange.headers.allow ?? '')
        .split(',')
        .map((m) => m.trim())
        .sort();
      const problems =
        exchange.status === 405
          ? checkResponse([], { $ref: '#/components/responses/MethodNotAllowed' }, exchange)
          : [`${exchange.status} for ${method.toUpperCase()}, which ${path} does not document`];
      if (exchange.status === 405 && allow.join() !== allowed.join())
        problems.push(`Allow says ${allow.join(', ')}; the document has ${allowed.join(', ')}`);
      return { problems };
    }
    const operationId = String(operation.operationId);
    const responses = operation.responses as Record<string, Json>;
    const declared = responses[String(exchange.status)];
    if (!declared) return { operationId, problems: [`status ${exchange.status} is not documented`] };
    return {
      operationId,
      problems: checkResponse(
        ['paths', path, method, 'responses', String(exchange.status)],
        declared,
        exchange,
      ),
    };
  }

  /** Every `$ref` resolves and every schema compiles (strict JSON Schema 2020-12). */
  function selfCheck(): string[] {
    const problems: string[] = [];
    const walk = (node: unknown, at: string[]): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...at, String(i)]));
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && resolvePointer(doc, value) === undefined)
          problems.push(`${at.join('/')}: $ref ${value} resolves to nothing`);
        if (key === 'schema' && value && typeof value === 'object') {
          try {
            validatorAt([...at, key]);
          } catch (error) {
            problems.push(`${at.join('/')}/schema does not compile: ${(error as Error).message}`);
          }
        }
        walk(value, [...at, key]);
      }
    };
    walk(doc, []);
    for (const name of Object.keys(((doc.components as Json).schemas ?? {}) as Json)) {
      try {
        validatorAt(['components', 'schemas', name]);
      } catch (error) {
        problems.push(`components/schemas/${name} does not compile: ${(error as Error).message}`);
      }
    }
    return problems;
  }

  return { operations, check, selfCheck, pathOf };
}

type ListedRoute = { path: string | RegExp; methods?: string[]; router?: RouterLike };
type RouterLike = { listRoutes?: () => ListedRoute[] };

/** Every (method, path) the Express app mounts, nested routers included; `*` marks a catch-all (`all`). */
export function mountedRoutes(app: { router: RouterLike }): { method: string; path: string }[] {
  const walk = (router: RouterLike, prefix: string): { method: string; path: string }[] => {
    if (!router.listRoutes)
      throw new Error('router.listRoutes is missing: Express 5 with router ≥ 2.3 is needed');
    return router.listRoutes().flatMap((entry) => {
      const path = `${prefix}${entry.path === '/' ? '' : String(entry.path)}`;
      if (entry.router) return walk(entry.router, path);
      return (entry.methods ?? [])
        .filter((m) => m.toUpperCase() !== 'HEAD')
        .map((method) => ({ method: method === '_all' ? '*' : method.toLowerCase(), path: path || '/' }));
    });
  };
  return walk(app.router, '');
}
