import { CAMPAIGN_STATUSES } from '../campaign/campaign';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { Id } from '../common/types';
import { LEAD_STATUSES } from '../lead/lead';
import { ORGANISATION_STATUSES } from '../organisation/organisation';
import { decodeCursor, encodeCursor } from './cursor';
import type { RecordKind, RecordOf } from './records';

/**
 * Server-side sort (`sort=<field>` / `sort=-<field>`): a small declared set of fields per kind.
 * Table Storage returns rows only in key order, so a sorted list reads the filtered rows' sort
 * columns (at most SORT_CAP of them), orders them here and pages with a cursor holding the last
 * (values, id). Pure and shared by every RecordRepository, so memory and Table Storage order alike.
 */

/** Matching records a sorted list may order; more is LIST.TOO_MANY_TO_SORT (narrow the filter). */
export const SORT_CAP = 10_000;

/**
 * How one part of a sort key compares: `text` by Unicode collation (accents and case second,
 * digits as numbers), `plain` by code points (ISO dates and instants, currency codes), `number`
 * numerically, `rank` by the position in a list (a status's place in its process; a stage's
 * place in the workspace's stages, given with the query).
 */
type Collation = 'text' | 'plain' | 'number' | 'rank';
type SortPart = {
  readonly column: string;
  readonly collation: Collation;
  readonly ranks?: readonly string[];
};

const text = (column: string): SortPart => ({ column, collation: 'text' });
const plain = (column: string): SortPart => ({ column, collation: 'plain' });
const rank = (column: string, ranks?: readonly string[]): SortPart => ({
  column,
  collation: 'rank',
  ...(ranks ? { ranks } : {}),
});
const AUDIT = { createdAt: [plain('createdAt')], updatedAt: [plain('updatedAt')] } as const;

/**
 * The sortable fields of each kind and the record fields each sorts by, in order. Names sort by
 * last name, then first name. Amounts sort by currency, then amount: amounts in different
 * currencies are never compared as if they were one number.
 */
export const RECORD_SORTS = {
  lead: {
    name: [text('lastName'), text('firstName')],
    company: [text('company')],
    status: [rank('status', LEAD_STATUSES)],
    ...AUDIT,
  },
  organisation: {
    name: [text('name')],
    status: [rank('status', ORGANISATION_STATUSES)],
    industry: [text('industry')],
    city: [text('city')],
    ...AUDIT,
  },
  contact: { name: [text('lastName'), text('firstName')], email: [text('email')], ...AUDIT },
  opportunity: {
    name: [text('name')],
    amount: [plain('currency'), { column: 'amount', collation: 'number' }],
    closeDate: [plain('closeDate')],
    stage: [rank('stage')],
    ...AUDIT,
  },
  campaign: {
    name: [text('name')],
    status: [rank('status', CAMPAIGN_STATUSES)],
    startDate: [plain('startDate')],
    endDate: [plain('endDate')],
    ...AUDIT,
  },
  activity: { occurredAt: [plain('occurredAt')], subject: [text('subject')], ...AUDIT },
} as const satisfies { [K in RecordKind]: Readonly<Record<string, readonly SortPart[]>> };

export type SortField<K extends RecordKind> = keyof (typeof RECORD_SORTS)[K] & string;
export type SortDirection = 'asc' | 'desc';
export type ListSort = {
  readonly field: string;
  readonly direction: SortDirection;
  /** For `rank` parts without a fixed order (an opportunity's stage): the workspace's order. */
  readonly ranks?: readonly string[];
};

/** Any sort part's value as stored: strings and numbers only (absent = empty, sorted last). */
export type SortValue = string | number | null;
export type SortEntry = { readonly id: Id; readonly values: readonly SortValue[] };

const partsOf = (kind: RecordKind, field: string): readonly SortPart[] | undefined =>
  Object.hasOwn(RECORD_SORTS[kind], field)
    ? (RECORD_SORTS[kind] as Readonly<Record<string, readonly SortPart[]>>)[field]
    : undefined;

export const sortFields = (kind: RecordKind): readonly string[] => Object.keys(RECORD_SORTS[kind]);

/** Every record field any sort of `kind` reads (storage keeps them as columns of the record row). */
export const sortColumns = (kind: RecordKind): readonly string[] => [
  ...new Set(
    Object.values(RECORD_SORTS[kind] as Record<string, readonly SortPart[]>)
      .flat()
      .map((p) => p.column),
  ),
];

/** The record's values of every sort column, as stored beside it. */
export function sortColumnValues(kind: RecordKind, record: RecordOf[RecordKind]): Record<string, SortValue> {
  const fields = record as unknown as Readonly<Record<string, unknown>>;
  const values: Record<string, SortValue> = {};
  for (const column of sortColumns(kind)) {
    const value = fields[column];
    values[column] = typeof value === 'string' || typeof value === 'number' ? value : null;
  }
  return values;
}

/** The sort key of one record for `field`, from its sort column values. */
export const sortEntry = (
  kind: RecordKind,
  field: string,
  id: Id,
  columns: Readonly<Record<string, unknown>>,
): SortEntry => ({
  id,
  values: (partsOf(kind, field) ?? []).map((p) => {
    const value = columns[p.column];
    return typeof value === 'string' || typeof value === 'number' ? value : null;
  }),
});

/** `name` / `-name` → the sort, or a stable 400 naming the fields that exist. */
export function parseSort(kind: RecordKind, raw: string): Result<ListSort> {
  const descending = raw.startsWith('-');
  const field = descending ? raw.slice(1) : raw;
  if (!partsOf(kind, field)) {
    const fields = sortFields(kind);
    return err(
      domainError('LIST.UNKNOWN_SORT', `${kind} lists cannot be sorted by ${field || raw}.`, {
        fields: { sort: `one of ${fields.join(', ')} (prefix - for descending)` },
      }),
    );
  }
  return ok({ field, direction: descending ? 'desc' : 'asc' });
}

export const sortParam = (sort: ListSort): string => `${sort.direction === 'desc' ? '-' : ''}${sort.field}`;

// The root collation ('en' has no tailoring), fixed so every page and every replica orders alike.
// `primary` sees letters only (Ødegård = odegard); `full` then orders accents and case.
const primary = new Intl.Collator('en', { usage: 'sort', sensitivity: 'base', numeric: true });
const full = new Intl.Collator('en', { usage: 'sort', numeric: true });
const byCodePoint = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

function comparePart(
  part: SortPart,
  a: string | number,
  b: string | number,
  level: 'primary' | 'full',
  ranks: readonly string[] | undefined,
): number {
  switch (part.collation) {
    case 'text':
      if (level === 'primary') return primary.compare(String(a), String(b));
      return full.compare(String(a), String(b)) || byCodePoint(a, b);
    case 'number':
      return Number(a) - Number(b);
    case 'plain':
      return byCodePoint(a, b);
    case 'rank': {
      // Values outside the list (a stage removed meanwhile) follow the known ones.
      const order = part.ranks ?? ranks ?? [];
      const rankOf = (v: string | number) => {
        const r = order.indexOf(String(v));
        return r < 0 ? order.length : r;
      };
      return rankOf(a) - rankOf(b) || byCodePoint(a, b);
    }
    default: {
      const unknown: never = part.collation;
      throw new Error(`Unknown collation ${String(unknown)}`);
    }
  }
}

/**
 * A total order: all parts by letters first (so "almeida, Carla" follows "Almeida, Bruno"), then by
 * accents and case, in the sort's direction; empty values last in both directions; then the id
 * (ascending: for equal values, newest first, as unsorted lists are).
 */
export function sortComparator(kind: RecordKind, sort: ListSort): (a: SortEntry, b: SortEntry) => number {
  const parts = partsOf(kind, sort.field) ?? [];
  const sign = sort.direction === 'desc' ? -1 : 1;
  const compareAt = (level: 'primary' | 'full', a: SortEntry, b: SortEntry): number => {
    for (const [i, part] of parts.entries()) {
      const va = a.values[i] ?? null;
      const vb = b.values[i] ?? null;
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1;
        continue;
      }
      const c = comparePart(part, va, vb, level, sort.ranks);
      if (c !== 0) return sign * c;
    }
    return 0;
  };
  return (a, b) => compareAt('primary', a, b) || compareAt('full', a, b) || byCodePoint(a.id, b.id);
}

/** What a sorted list's cursor holds: the sort it belongs to and the last entry of the page. */
type SortCursor = { readonly s: string; readonly v: readonly SortValue[]; readonly i: Id };

const SORT_CURSOR_MARK = 's:';

export const encodeSortCursor = (sort: ListSort, last: SortEntry): string =>
  encodeCursor(SORT_CURSOR_MARK + JSON.stringify({ s: sortParam(sort), v: last.values, i: last.id }));

/** The last entry a sorted page ended at, or undefined when `cursor` is not this sort's. */
export function decodeSortCursor(sort: ListSort, cursor: string | undefined): SortEntry | undefined {
  const text = decodeCursor(cursor);
  if (!text?.startsWith(SORT_CURSOR_MARK)) return undefined;
  try {
    const value = JSON.parse(text.slice(SORT_CURSOR_MARK.length)) as Partial<SortCursor>;
    const values = value.v;
    if (value.s !== sortParam(sort) || typeof value.i !== 'string' || !Array.isArray(values))
      return undefined;
    if (!values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return undefined;
    return { id: value.i, values };
  } catch {
    return undefined;
  }
}

/** Whether a cursor was issued by a sorted list (then it is refused without the same sort). */
export const isSortCursor = (cursor: string | undefined): boolean =>
  decodeCursor(cursor)?.startsWith(SORT_CURSOR_MARK) === true;

export const tooManyToSort = (cap: number) =>
  domainError(
    'LIST.TOO_MANY_TO_SORT',
    `More than ${cap} records match; narrow the filter to sort them, or list them unsorted.`,
    { details: { cap } },
  );

/**
 * One page of `entries` (every matching record's sort key) in `sort` order, after the cursor's
 * entry: the next page continues after the last (values, id) even when records changed between
 * pages, so an unchanged record is never shown twice or skipped.
 */
export function sortedPage(
  kind: RecordKind,
  sort: ListSort,
  entries: readonly SortEntry[],
  limit: number,
  cursor: string | undefined,
): { readonly ids: readonly Id[]; readonly nextCursor?: string } {
  const compare = sortComparator(kind, sort);
  const after = decodeSortCursor(sort, cursor);
  const rest = after ? entries.filter((e) => compare(e, after) > 0) : entries;
  const page = smallest(rest, limit, compare);
  const last = page.at(-1);
  return {
    ids: page.map((e) => e.id),
    ...(rest.length > limit && last ? { nextCursor: encodeSortCursor(sort, last) } : {}),
  };
}

/**
 * The first `n` of `items` in order, without sorting them all: a page of 50 out of 10,000 costs about
 * one comparison per item (against the page's current last) instead of a full sort's n·log n.
 */
function smallest<T>(items: readonly T[], n: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === n && compare(item, best[n - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > n) best.pop();
  }
  return best;
}
