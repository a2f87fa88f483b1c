/** The CSV routes as OpenAPI 3.1 path items (the JSON routes are generated from their RouteSpecs). */

const wsParam = { name: 'ws', in: 'path', required: true, schema: { type: 'string' } };
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const security = [{ bearer: [] }];
const jobSchema = {
  type: 'object',
  description:
    'status queued|running|completed|failed; processedRows of total; created, duplicateCount, errorCount; ' +
    'duplicates [{row, email, existingLeadId?, duplicateOfRow?}] and errors [{row, field, code, message}] (first 1,000); failure {code, message}',
};

const exportItem = (plural: string) => ({
  get: {
    tags: [plural],
    summary: `Export every ${plural.replace(/s$/, '')} as CSV (UTF-8 with BOM, formula-safe cells)`,
    parameters: [wsParam],
    responses: {
      200: { description: 'The CSV file', content: { 'text/csv': { schema: { type: 'string' } } } },
      401: problem('No valid access token'),
      404: problem('No such workspace, or not a member'),
    },
    security,
  },
});

export const CSV_OPEN_API_PATHS: Readonly<Record<string, Record<string, unknown>>> = {
  '/api/v1/workspaces/{ws}/leads/import': {
    post: {
      tags: ['leads'],
      summary:
        'Import leads from CSV: header row with lastName and any of firstName, email, company, title, phone, source, ' +
        'campaign (name or id), website, industry, description. Duplicate emails are reported, not written.',
      parameters: [wsParam],
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: {
        200: {
          description:
            'Small files (≤ 1,000 rows): the result {total, created, duplicateCount, errorCount, duplicates, errors}',
        },
        202: {
          description: 'Larger files: the import job (Location: its URL to poll)',
          content: { 'application/json': { schema: jobSchema } },
        },
        400: problem(
          'IMPORT.EMPTY_FILE or IMPORT.INVALID_HEADER (fields name the bad columns); IMPORT.TOO_MANY_COLUMNS ' +
            '(a record has more than 1,000 columns; details {limit, max, record}), refused while uploading',
        ),
        401: problem('No valid access token'),
        404: problem('No such workspace, or not a member'),
        413: problem(
          'REQUEST.TOO_LARGE (the file is larger than 50 MB), or IMPORT.RECORD_TOO_LARGE (one record takes ' +
            'more than 1 MiB; details {limit, max, record}), refused while uploading',
        ),
        415: problem('The body is not text/csv'),
        429: problem(
          'Retry-After: IMPORT.TOO_MANY_AT_ONCE (2 imports a person in flight), IMPORT.SERVER_BUSY (4 in the ' +
            'server), IMPORT.QUEUE_FULL (4 unfinished jobs a workspace), IMPORT.SPOOL_FULL (disk quota)',
        ),
      },
      security,
    },
  },
  '/api/v1/workspaces/{ws}/imports/{id}': {
    get: {
      tags: ['leads'],
      summary: 'An import job and its progress (Retry-After while it runs)',
      parameters: [wsParam, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: { description: 'The job', content: { 'application/json': { schema: jobSchema } } },
        401: problem('No valid access token'),
        404: problem('No such import in this workspace, or not a member'),
      },
      security,
    },
  },
  ...Object.fromEntries(
    ['leads', 'organisations', 'contacts', 'opportunities'].map((p) => [
      `/api/v1/workspaces/{ws}/${p}/export`,
      exportItem(p),
    ]),
  ),
};
