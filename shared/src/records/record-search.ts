import { queryTokens, searchTokens, wholeToken } from '../common/search-tokens';
import { RANGE_FILTERS, type RecordKind, type RecordOf } from './records';

/**
 * What each kind is found by, shared by every RecordRepository so that search means the same in
 * memory and in Table Storage. Pure: storage turns these tokens into index rows.
 */

/** Each token is one index row written with the record, so the count is capped (first fields win). */
export const MAX_INDEXED_TOKENS = 16;

type SearchFields = { readonly words: readonly (string | undefined)[]; readonly whole?: string | undefined };

const SEARCH_FIELDS: { [K in RecordKind]: (record: RecordOf[K]) => SearchFields } = {
  lead: (r) => ({ words: [r.firstName, r.lastName, r.company], whole: r.email }),
  organisation: (r) => ({ words: [r.name], whole: websiteHost(r.website) }),
  contact: (r) => ({ words: [r.firstName, r.lastName], whole: r.email }),
  opportunity: (r) => ({ words: [r.name] }),
  campaign: (r) => ({ words: [r.name] }),
  activity: (r) => ({ words: [r.subject] }),
};

/** The normalised tokens a record is found by, most important fields first, at most MAX_INDEXED_TOKENS. */
export function recordSearchTokens<K extends RecordKind>(kind: K, record: RecordOf[K]): string[] {
  const fields = SEARCH_FIELDS[kind](record);
  const tokens = new Set<string>();
  for (const word of fields.words) for (const t of searchTokens([word])) tokens.add(t);
  // An email or a host also counts whole ("ana@example.pt", "example.pt").
  for (const t of searchTokens([], [fields.whole])) tokens.add(t);
  return [...tokens].slice(0, MAX_INDEXED_TOKENS).sort();
}

/**
 * The tokens that get an index row: the words of names, companies and subjects, and an email or host
 * whole. Not one-character or digit-only words (they would put a row under nearly every range and
 * serve no search a user makes), and not the words found only inside an email or host ("gmail",
 * "com", "example": the same for thousands of records). All of them still count when a record is
 * matched against a query (they ride along on its rows), so "bloem b.v." finds "Bloem B.V.".
 */
export function recordIndexTokens<K extends RecordKind>(kind: K, record: RecordOf[K]): string[] {
  const fields = SEARCH_FIELDS[kind](record);
  const words = new Set(searchTokens(fields.words));
  const whole = wholeToken(fields.whole);
  return recordSearchTokens(kind, record).filter(
    (t) => (words.has(t) || t === whole) && t.length > 1 && !/^\p{N}+$/u.test(t),
  );
}

/** "https://www.Example.no/om-oss" → "example.no"; undefined when there is no usable host. */
export function websiteHost(website: string | undefined): string | undefined {
  if (!website) return undefined;
  const host = website
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./, '');
  return host || undefined;
}

/** Email addresses compare case-insensitively (duplicate detection on import, "find by email"). */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** The email a lead or contact is found by, normalised; other kinds have none. */
export function recordEmail(kind: RecordKind, record: RecordOf[RecordKind]): string | undefined {
  if (kind !== 'lead' && kind !== 'contact') return undefined;
  const email = (record as RecordOf['lead' | 'contact']).email;
  return email ? normaliseEmail(email) : undefined;
}

/**
 * The query token whose index range is read: the longest one is the most selective. Undefined when
 * the query has no token at all (it then matches everything, like no query).
 */
export function drivingToken(q: string): string | undefined {
  // An email typed whole or in part ("jan@bloem") is found under the email's whole token: its words
  // alone ("example", "gmail") are not indexed.
  const email = q
    .split(/\s+/)
    .filter((word) => word.indexOf('@') > 0)
    .map(wholeToken)
    .reduce<string | undefined>((best, t) => (t && (!best || t.length > best.length) ? t : best), undefined);
  if (email) return email;
  return queryTokens(q).reduce<string | undefined>(
    (best, t) => (!best || t.length > best.length ? t : best),
    undefined,
  );
}

/**
 * A record can hold several indexed tokens that start with the driving token ("jo" → "joao",
 * "jonas"): it is listed once, under the smallest of them; undefined when no indexed token does.
 */
export function listedUnder(indexTokens: readonly string[], driving: string): string | undefined {
  let best: string | undefined;
  for (const t of indexTokens) if (t.startsWith(driving) && (best === undefined || t < best)) best = t;
  return best;
}

/**
 * List filters are exact matches on the record's field of the same name (a yes/no field as `true` or
 * `false`), or bounds of an instant field's range (RANGE_FILTERS: from inclusive, to exclusive).
 */
export function matchesFilters(
  record: object,
  filters: Readonly<Record<string, string | undefined>> | undefined,
): boolean {
  if (!filters) return true;
  const fields = record as Readonly<Record<string, unknown>>;
  return Object.entries(filters).every(([name, value]) => {
    if (value === undefined) return true;
    const range = (RANGE_FILTERS as Readonly<Record<string, { field: string; bound: 'from' | 'to' }>>)[name];
    if (range) {
      const at = fields[range.field];
      return typeof at === 'string' && (range.bound === 'from' ? at >= value : at < value);
    }
    const field = fields[name];
    return typeof field === 'boolean' ? String(field) === value : field === value;
  });
}

/** Stage history reads oldest first; changes at the same instant in id order. */
export const byChronology = (a: { at: string; id: string }, b: { at: string; id: string }): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
