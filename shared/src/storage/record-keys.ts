import { createHash } from 'node:crypto';
import type { RegardingType } from '../activity/activity';
import type { Id, Instant, UserId } from '../common/types';
import type { RecordKind } from '../records/records';
import type { DealView } from '../records/row-plan';

/**
 * RowKeys of the records table (one partition per workspace); see KEYS.md. `|` separates parts: it
 * cannot occur in ids ([A-Za-z0-9_-]), user ids, search tokens (letters, digits, `@._+-`) or
 * encoded emails.
 */
export const SEP = '|';

export const WORKSPACE_KEY = 'ws';
export const memberKey = (userId: UserId): string => `mem|${keyPart(userId)}`;
export const MEMBER_PREFIX = 'mem|';

export const recordPrefix = (kind: RecordKind): string => `rec|${kind}|`;
export const recordKey = (kind: RecordKind, id: Id): string => `${recordPrefix(kind)}${id}`;

/**
 * Search-index rows live in `<prefix>search`, not in the workspace's partition, spread over
 * SEARCH_SHARDS partitions per workspace by the token's first character, so every prefix search
 * still reads ONE key range: PartitionKey `<ws>|<shard>`, RowKey `<kind>|<token>|<id>`.
 */
export const SEARCH_SHARDS = 16;
export const searchShard = (token: string): number => (token.codePointAt(0) ?? 0) % SEARCH_SHARDS;
export const searchPartition = (ws: string, token: string): string =>
  `${ws}|${String(searchShard(token)).padStart(2, '0')}`;
export const searchPartitions = (ws: string): string[] =>
  Array.from({ length: SEARCH_SHARDS }, (_, shard) => `${ws}|${String(shard).padStart(2, '0')}`);
export const searchPrefix = (kind: RecordKind, tokenPrefix: string): string => `${kind}|${tokenPrefix}`;
export const searchKey = (kind: RecordKind, token: string, id: Id): string =>
  `${searchPrefix(kind, keyPart(token))}|${id}`;
/** The first layout kept index rows in the workspace's partition; the re-index removes them. */
export const LEGACY_INDEX_PREFIX = 'idx|';

export const emailPrefix = (kind: RecordKind, email: string): string => `eml|${kind}|${keyPart(email)}|`;
/** A contact's email row (several contacts may share an email); a lead's before emails were unique. */
export const emailKey = (kind: RecordKind, email: string, id: Id): string =>
  `${emailPrefix(kind, email)}${id}`;
/** A lead's email row: keyed by the email alone, so a second lead with it fails its transaction. */
export const uniqueEmailKey = (kind: RecordKind, email: string): string => `eml|${kind}|${keyPart(email)}`;

/** Activities by what they are about: `reg|<type>|<id>|<activityId>`. */
export const regardingPrefix = (type: RegardingType, id: Id): string => `reg|${type}|${id}|`;
export const regardingKey = (type: RegardingType, id: Id, activityId: Id): string =>
  `${regardingPrefix(type, id)}${activityId}`;

/**
 * Copies of deals in the order their lists read them (row-plan.ts `dealViews`): the board's column
 * `dls|<stage>|<id>`, open deals by last touch `dlt|<instant>|<id>` (stale = the range before a
 * cutoff), open deals without a next activity `dln|<id>`.
 */
export const DEAL_VIEW_PREFIX: Readonly<Record<DealView, string>> = {
  stage: 'dls|',
  touch: 'dlt|',
  'no-next': 'dln|',
};
export const dealViewKey = (view: DealView, order: string, id: Id): string =>
  view === 'no-next' ? `${DEAL_VIEW_PREFIX[view]}${id}` : `${DEAL_VIEW_PREFIX[view]}${keyPart(order)}|${id}`;
/** The keys of one board column. */
export const boardColumnPrefix = (stage: string): string => `${DEAL_VIEW_PREFIX.stage}${keyPart(stage)}|`;

/** Maintained figures (reports/figures.ts): `fig|<row>`, e.g. `fig|deal`, `fig|fc|2026-11`. */
export const FIGURE_PREFIX = 'fig|';
export const figureKey = (row: string): string => `${FIGURE_PREFIX}${row}`;

/**
 * Open activities of one owner in due order (My day): `due|<owner>|<dueAt>|<activityId>`. `dueAt` is
 * an ISO instant in UTC (`2026-03-02T09:00:00.000Z`, fixed width), so key order is time order.
 */
export const duePrefix = (ownerId: UserId): string => `due|${keyPart(ownerId)}|`;
export const dueKey = (ownerId: UserId, dueAt: Instant, activityId: Id): string =>
  `${duePrefix(ownerId)}${dueAt}|${activityId}`;

/** Open activities about a lead or deal, earliest due first: `nxt|<type>|<id>|<dueAt>|<activityId>`. */
export const openAboutPrefix = (type: RegardingType, id: Id): string => `nxt|${type}|${id}|`;
export const openAboutKey = (type: RegardingType, id: Id, dueAt: Instant, activityId: Id): string =>
  `${openAboutPrefix(type, id)}${dueAt}|${activityId}`;

/** Done activities about a lead or deal, latest first: `lst|<type>|<id>|<inverted ms>|<activityId>`. */
export const doneAboutPrefix = (type: RegardingType, id: Id): string => `lst|${type}|${id}|`;
export const doneAboutKey = (type: RegardingType, id: Id, at: Instant, activityId: Id): string =>
  `${doneAboutPrefix(type, id)}${invertedMs(at)}|${activityId}`;

export const historyPrefix = (opportunityId: Id): string => `his|${opportunityId}|`;
export const historyKey = (opportunityId: Id, changeId: Id): string =>
  `${historyPrefix(opportunityId)}${changeId}`;

/** A named counter of the workspace (`cnt|lead-owner`: whom the round-robin gave the last new lead). */
export const counterKey = (name: string): string => `cnt|${keyPart(name)}`;

/**
 * Outbox rows in delivery order: the event's time, then its id, so the relay reads the oldest page
 * by key and goes on from where it stopped. (Rows written before had `out|<eventId>`: still in the
 * range, read and delivered like the others, only not in time order.)
 */
export const OUTBOX_PREFIX = 'out|';
export const outboxKey = (event: { readonly id: Id; readonly occurredAt: Instant }): string =>
  `${OUTBOX_PREFIX}${keyPart(event.occurredAt)}|${event.id}`;

/** Events the relay gave up on, newest first (event ids sort so). */
export const DEAD_LETTER_PREFIX = 'dlq|';
export const deadLetterKey = (eventId: Id): string => `${DEAD_LETTER_PREFIX}${eventId}`;

/** Idempotency keys are client text: hashed, so any key is a valid RowKey of fixed length. */
export const IDEMPOTENCY_PREFIX = 'idm|';
export const idempotencyKey = (key: string): string =>
  `${IDEMPOTENCY_PREFIX}${createHash('sha256').update(key).digest('hex')}`;

/**
 * Recycle-bin pointers, newest deletion first (like every other list): the time part is the
 * inverted millisecond timestamp, so "deleted before T" is the key range after `binBoundary(T)`.
 */
export const BIN_PREFIX = 'bin|';
const MAX_MS = 9_999_999_999_999;
const invertedMs = (instant: Instant): string => String(MAX_MS - Date.parse(instant)).padStart(13, '0');
export const binKey = (deletedAt: Instant, kind: RecordKind, id: Id): string =>
  `${BIN_PREFIX}${invertedMs(deletedAt)}|${kind}|${id}`;
/** Every bin key at or after this one was deleted strictly before `before`. */
export const binBoundary = (before: Instant): string =>
  `${BIN_PREFIX}${String(MAX_MS - Date.parse(before) + 1).padStart(13, '0')}`;

/** The half-open key range [lo, hi) of every key starting with `prefix`. */
export function prefixRange(prefix: string): { readonly lo: string; readonly hi: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { lo: prefix, hi: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}

// Forbidden in keys: / \ # ? and control characters; `|` and `%` are ours (separator, escape).
// eslint-disable-next-line no-control-regex -- control characters are what keys may not hold
const UNSAFE = /[/\\#?|%\u0000-\u001f\u007f-\u009f]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** Escapes free text (emails, tokens, user ids, team ids) for use inside a key. */
export function keyPart(text: string): string {
  return text.replace(UNSAFE_ALL, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Ids arrive from URLs: one that cannot be a key part cannot name a stored row either. */
export const isKeySafeId = (id: string): boolean => id.length > 0 && id.length <= 256 && !UNSAFE.test(id);
