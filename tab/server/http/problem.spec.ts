import { ERROR_CODES, TRANSPORT_CODES, domainError, type ErrorCode } from '@crm/shared';
import { domainProblem, transportProblem } from './problem';

const STATUS_BY_KIND = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  stale: 412,
  'precondition-required': 428,
};

describe('domainProblem', () => {
  it.each(Object.entries(ERROR_CODES) as [ErrorCode, keyof typeof STATUS_BY_KIND][])(
    '%s (%s) → its status',
    (code, kind) => {
      const problem = domainProblem(domainError(code, 'What happened.'), 'req-1');
      expect(problem).toMatchObject({
        status: STATUS_BY_KIND[kind],
        code,
        detail: 'What happened.',
        requestId: 'req-1',
      });
      expect(problem.type).toMatch(/^urn:pipeline-crm:problem:/);
      expect(problem.title).not.toBe('');
    },
  );

  it('carries field messages and details', () => {
    const problem = domainProblem(
      domainError('VALIDATION.FAILED', 'Invalid.', { fields: { name: 'required' }, details: { max: 3 } }),
      'r',
    );
    expect(problem).toMatchObject({ fields: { name: 'required' }, details: { max: 3 } });
  });
});

describe('transportProblem', () => {
  const statuses = [
    ['AUTH.UNAUTHENTICATED', 401],
    ['AUTH.LOCAL_ONLY', 403],
    ['REQUEST.MALFORMED', 400],
    ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 415],
    ['REQUEST.TOO_LARGE', 413],
    ['REQUEST.RATE_LIMITED', 429],
    ['IMPORT.QUEUE_FULL', 429],
    ['IMPORT.SPOOL_FULL', 429],
    ['IMPORT.TOO_MANY_COLUMNS', 400],
    ['IMPORT.RECORD_TOO_LARGE', 413],
    ['IMPORT.WORKBOOK_TOO_LARGE', 413],
    ['IMPORT.UNREADABLE_WORKBOOK', 400],
    ['IMPORT.TOO_MANY_AT_ONCE', 429],
    ['IMPORT.SERVER_BUSY', 429],
    ['ROUTE.NOT_FOUND', 404],
    ['ROUTE.METHOD_NOT_ALLOWED', 405],
    ['STORAGE.BUSY', 503],
    ['SERVER.NOT_READY', 503],
    ['SERVER.INTERNAL', 500],
  ] as const;

  it('answers every transport code shared lists (the tab has a text for each), and no other', () => {
    expect(statuses.map(([code]) => code).sort()).toEqual(Object.keys(TRANSPORT_CODES).sort());
  });

  it.each(statuses)('%s → %i', (code, status) => {
    expect(transportProblem(code, 'd', 'r')).toMatchObject({ code, status, detail: 'd', requestId: 'r' });
  });
});
