/**
 * Every expected failure's stable code, with the kind of failure it is. Shared with the client and
 * the bot; each transport maps kinds (and, where it helps, codes) once.
 */
export const ERROR_CODES = {
  'VALIDATION.FAILED': 'invalid',
  'CONCURRENCY.STALE': 'stale',
  'CONCURRENCY.VERSION_REQUIRED': 'precondition-required',
  'IDEMPOTENCY.KEY_REUSED': 'conflict',
  /** `sort` names a field the list cannot be sorted by. */
  'LIST.UNKNOWN_SORT': 'invalid',
  /** `sort` together with `q`: search results come in index order only. */
  'LIST.SORT_WITH_SEARCH': 'invalid',
  /** More records match than a sorted list orders (SORT_CAP): narrow the filter. */
  'LIST.TOO_MANY_TO_SORT': 'invalid',
  'RECORD.NOT_FOUND': 'not-found',
  'RECORD.NOT_DELETED': 'conflict',
  'RECORD.PURGED': 'gone',
  'WORKSPACE.NOT_FOUND': 'not-found',
  'WORKSPACE.FORBIDDEN': 'forbidden',
  'WORKSPACE.OWNER_REQUIRED': 'forbidden',
  'WORKSPACE.TEAM_ALREADY_BOUND': 'conflict',
  /** The bot has not recorded this team, or its roster does not hold the caller. */
  'WORKSPACE.TEAM_NOT_VERIFIED': 'forbidden',
  /** The caller already created as many workspaces as one person may (WORKSPACES_PER_USER). */
  'WORKSPACE.LIMIT_REACHED': 'conflict',
  'CHANNEL.UNKNOWN_TOPIC': 'invalid',
  /** A channel subscribes only to the workspace bound to its own team. */
  'CHANNEL.OTHER_TEAM': 'forbidden',
  /** The channel does not hear this workspace (no subscription to remove). */
  'CHANNEL.NOT_FOUND': 'not-found',
  'WORKSPACE.LAST_OWNER': 'conflict',
  'WORKSPACE.MEMBER_EXISTS': 'conflict',
  'WORKSPACE.MEMBER_NOT_FOUND': 'not-found',
  'WORKSPACE.OTHER_TENANT': 'forbidden',
  'WORKSPACE.STAGE_IN_USE': 'conflict',
  'WORKSPACE.INVALID_STAGES': 'invalid',
  'LEAD.NOT_FOUND': 'not-found',
  'LEAD.ALREADY_CONVERTED': 'conflict',
  'LEAD.READ_ONLY': 'conflict',
  'LEAD.INVALID_TRANSITION': 'conflict',
  'LEAD.REASON_REQUIRED': 'invalid',
  'LEAD.USE_CONVERT': 'invalid',
  /** Another lead of the workspace has this email: a lead's email is unique in its workspace. */
  'LEAD.EMAIL_IN_USE': 'conflict',
  'CONVERSION.ORGANISATION_NOT_FOUND': 'invalid',
  'CONVERSION.CONTACT_NOT_FOUND': 'invalid',
  'CONVERSION.CONTACT_NOT_IN_ORGANISATION': 'invalid',
  'ORGANISATION.NOT_FOUND': 'not-found',
  'ORGANISATION.HAS_DEPENDENTS': 'conflict',
  'CONTACT.NOT_FOUND': 'not-found',
  'CONTACT.ORGANISATION_NOT_FOUND': 'invalid',
  'OPPORTUNITY.NOT_FOUND': 'not-found',
  'OPPORTUNITY.UNKNOWN_STAGE': 'invalid',
  'OPPORTUNITY.LOST_REASON_REQUIRED': 'invalid',
  'OPPORTUNITY.CLOSED': 'conflict',
  'OPPORTUNITY.ORGANISATION_NOT_FOUND': 'invalid',
  'OPPORTUNITY.CONTACT_NOT_IN_ORGANISATION': 'invalid',
  'CAMPAIGN.NOT_FOUND': 'not-found',
  'CAMPAIGN.INVALID_TRANSITION': 'conflict',
  'CAMPAIGN.INVALID_DATES': 'invalid',
  'CAMPAIGN.HAS_DEPENDENTS': 'conflict',
  'ACTIVITY.NOT_FOUND': 'not-found',
  'ACTIVITY.REGARDING_NOT_FOUND': 'invalid',
  /** Rescheduling a done activity: it has happened (reopen it, or edit its time). */
  'ACTIVITY.ALREADY_COMPLETED': 'conflict',
  /** An owner (of a record, or the one a list or My day is asked for) must be a member of the workspace. */
  'OWNER.NOT_A_MEMBER': 'invalid',
  /** A record cannot be merged with itself. */
  'MERGE.SAME_RECORD': 'invalid',
  /** Two contacts merge only within one organisation (merge the organisations first). */
  'MERGE.DIFFERENT_ORGANISATIONS': 'conflict',
  /** Moving the other record's links takes more rows than one transaction holds (`details.rows`, `details.max`). */
  'MERGE.TOO_LARGE': 'conflict',
  'IMPORT.EMPTY_FILE': 'invalid',
  'IMPORT.INVALID_HEADER': 'invalid',
  /** An import's mapping names a field the kind does not have, or a value its field cannot take. */
  'IMPORT.INVALID_MAPPING': 'invalid',
  /** The preview an import names is not (or no longer) there: preview the file again. */
  'IMPORT.PREVIEW_NOT_FOUND': 'not-found',
  'IMPORT.NOT_FOUND': 'not-found',
  'IMPORT.ALREADY_FINISHED': 'conflict',
  'IMPORT.FILE_GONE': 'gone',
  /** An import job that stopped on a fault of ours (its `failure`, never an HTTP answer). */
  'IMPORT.UNEXPECTED': 'conflict',
  /** No such dead letter (already sent again, or never there). */
  'NOTIFICATION.NOT_FOUND': 'not-found',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorKind = (typeof ERROR_CODES)[ErrorCode];

/**
 * Failures the API's HTTP layer answers before or outside any use case (sign-in, request shape,
 * limits, routing, the server itself), with the kind a client shows for each. With ERROR_CODES,
 * every `code` the API can answer: each has a text in every tab language.
 */
export const TRANSPORT_CODES = {
  'AUTH.UNAUTHENTICATED': 'unauthenticated',
  /** Development sign-in asked through a tunnel or proxy, or from another machine. */
  'AUTH.LOCAL_ONLY': 'forbidden',
  'REQUEST.MALFORMED': 'invalid',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 'invalid',
  'REQUEST.TOO_LARGE': 'invalid',
  'REQUEST.RATE_LIMITED': 'rate-limited',
  /** The workspace already has its running import and the few queued ones allowed. */
  'IMPORT.QUEUE_FULL': 'rate-limited',
  /** The server's disk quota for uploaded and queued imports is used up. */
  'IMPORT.SPOOL_FULL': 'rate-limited',
  /** A record of the uploaded CSV has more columns than one may (`details.max`); refused while uploading. */
  'IMPORT.TOO_MANY_COLUMNS': 'invalid',
  /** A record of the uploaded CSV takes more bytes than one may (`details.max`); refused while uploading. */
  'IMPORT.RECORD_TOO_LARGE': 'invalid',
  /**
   * An uploaded .xlsx is over a limit (`details.limit`: entries, uncompressed-bytes,
   * shared-strings-bytes, rows, columns or csv-bytes; `details.max`): a zip bomb is refused so.
   */
  'IMPORT.WORKBOOK_TOO_LARGE': 'invalid',
  /** An upload sent as .xlsx that is not a workbook the import reads (not a zip, no worksheet). */
  'IMPORT.UNREADABLE_WORKBOOK': 'invalid',
  /** The caller already has as many imports uploading or importing as one person may. */
  'IMPORT.TOO_MANY_AT_ONCE': 'rate-limited',
  /** The server is uploading or importing as many files as it takes at once. */
  'IMPORT.SERVER_BUSY': 'rate-limited',
  'ROUTE.NOT_FOUND': 'not-found',
  'ROUTE.METHOD_NOT_ALLOWED': 'invalid',
  /**
   * Storage is busy or did not answer in time (503 with Retry-After): wait and ask again — a write
   * only with its Idempotency-Key, or after reading the record again.
   */
  'STORAGE.BUSY': 'rate-limited',
  'SERVER.NOT_READY': 'server',
  'SERVER.INTERNAL': 'server',
} as const;

export type TransportCode = keyof typeof TRANSPORT_CODES;
export type TransportKind = (typeof TRANSPORT_CODES)[TransportCode];
