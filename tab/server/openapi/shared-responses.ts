import type { HeaderName } from './operation-doc';

/** Every error is a problem document; the statuses differ in what they mean and the headers they carry. */
const problem = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

export const RESPONSE_HEADERS: Readonly<Record<HeaderName | 'Allow' | 'WWW-Authenticate', unknown>> = {
  ETag: {
    description: "The record's version; send it back in If-Match to change or delete it",
    required: true,
    schema: { type: 'string', pattern: '^"[A-Za-z0-9_-]+"$' },
  },
  Location: {
    description: 'The URL of what was created',
    required: true,
    schema: { type: 'string', pattern: '^/api/v1/' },
  },
  'Retry-After': {
    description: 'Seconds to wait before asking again',
    required: true,
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  'Content-Disposition': {
    description: 'attachment; filename="<kind>-<date>.csv"',
    required: true,
    schema: { type: 'string', pattern: '^attachment; filename=' },
  },
  Allow: {
    description: 'The methods this path answers',
    required: true,
    schema: { type: 'string', pattern: '^[A-Z]+(, [A-Z]+)*$' },
  },
  'WWW-Authenticate': {
    description: 'Bearer, with error="invalid_token" when a token was sent and refused',
    required: true,
    schema: { type: 'string', pattern: '^Bearer' },
  },
};

const header = (name: keyof typeof RESPONSE_HEADERS) => ({ $ref: `#/components/headers/${name}` });

/** The error answers, declared once; operations refer to them (with a sharper description where it helps). */
export const SHARED_RESPONSES = {
  BadRequest: problem(
    'Invalid input: VALIDATION.FAILED with `fields` naming each bad field, header or query parameter; ' +
      'REQUEST.MALFORMED for a body that is not JSON; or a rule of the operation (its code says which)',
  ),
  Unauthorized: problem(
    'AUTH.UNAUTHENTICATED: no access token, or one that is not valid (expired, wrong audience...)',
    {
      'WWW-Authenticate': header('WWW-Authenticate'),
    },
  ),
  Forbidden: problem('Not allowed for your role (WORKSPACE.OWNER_REQUIRED: owners only)'),
  NotFound: problem(
    'No such workspace (WORKSPACE.NOT_FOUND, also when you are not a member: outsiders learn nothing) or record',
  ),
  RouteNotFound: problem('ROUTE.NOT_FOUND: no operation at this address'),
  MethodNotAllowed: problem('ROUTE.METHOD_NOT_ALLOWED: this path answers other methods (Allow lists them)', {
    Allow: header('Allow'),
  }),
  Conflict: problem(
    'Conflicts with the current state; IDEMPOTENCY.KEY_REUSED when an Idempotency-Key comes back with another body',
  ),
  Gone: problem('Gone for good'),
  PreconditionFailed: problem('CONCURRENCY.STALE: If-Match names an older version; read the record again'),
  PayloadTooLarge: problem('REQUEST.TOO_LARGE: the body is too large'),
  UnsupportedMediaType: problem(
    'REQUEST.UNSUPPORTED_MEDIA_TYPE: the body is not of the media type the operation reads',
  ),
  PreconditionRequired: problem('CONCURRENCY.VERSION_REQUIRED: send If-Match with the ETag you read'),
  TooManyRequests: problem(
    'REQUEST.RATE_LIMITED: too many requests from you or your address; wait as Retry-After says',
    {
      'Retry-After': header('Retry-After'),
    },
  ),
  InternalError: problem(
    'SERVER.INTERNAL: something failed on our side (no internals disclosed); quote requestId',
  ),
  ServiceUnavailable: problem('SERVER.NOT_READY: storage cannot be reached'),
  StorageBusy: problem(
    'STORAGE.BUSY: storage is busy or did not answer in time; wait as Retry-After says, then ask again ' +
      '(a write with the same Idempotency-Key, which answers the first attempt if it was applied; ' +
      'a change with If-Match after reading the record again)',
    { 'Retry-After': header('Retry-After') },
  ),
} as const;

export type SharedResponse = keyof typeof SHARED_RESPONSES;
