import { domainError, err, ok, type Result } from '@crm/shared';

/** Reads one query parameter that may appear at most once. */
export function single(query: Readonly<Record<string, unknown>>, name: string): Result<string | undefined> {
  const value = query[name];
  if (value === undefined || typeof value === 'string') return ok(value);
  return err(
    domainError('VALIDATION.FAILED', `Send ${name} once.`, { fields: { [name]: 'must be given once' } }),
  );
}

/** A whole-number parameter; anything but digits becomes NaN so the use case's range check reports it. */
export function integerOf(
  query: Readonly<Record<string, unknown>>,
  name: string,
): Result<number | undefined> {
  const raw = single(query, name);
  if (!raw.ok || raw.value === undefined) return raw as Result<undefined>;
  return ok(/^\d{1,7}$/.test(raw.value) ? Number(raw.value) : Number.NaN);
}

/** `limit` as a number (see integerOf). */
export const limitOf = (query: Readonly<Record<string, unknown>>): Result<number | undefined> =>
  integerOf(query, 'limit');

export type ListParams = {
  limit?: number;
  cursor?: string;
  q?: string;
  sort?: string;
  filters: Record<string, string>;
};

const PAGING = new Set(['limit', 'cursor', 'q', 'sort']);

/** Splits a list's query into paging, search, sort and filters; every other name is taken as a filter. */
export function listParams(query: Readonly<Record<string, unknown>>): Result<ListParams> {
  const limit = limitOf(query);
  if (!limit.ok) return limit;
  const params: ListParams = { filters: {}, ...(limit.value !== undefined ? { limit: limit.value } : {}) };
  for (const name of Object.keys(query)) {
    const value = single(query, name);
    if (!value.ok) return value;
    if (value.value === undefined || name === 'limit') continue;
    if (name === 'cursor') params.cursor = value.value;
    else if (name === 'q') params.q = value.value;
    else if (name === 'sort') params.sort = value.value;
    else if (!PAGING.has(name)) params.filters[name] = value.value;
  }
  return ok(params);
}
