import { definedOnly, touched, type ChangeContext } from '../common/record-change';
import type { Id } from '../common/types';
import { bareDomain, normaliseOrganisationName } from '../duplicates/company-identity';
import { normaliseEmail } from '../records/record-search';
import type { ImportedRecord } from './import-records';
import type { ImportSkip } from './import-row';

/**
 * Which record a row is the same as. The keys a kind is matched on: our own id (our export read
 * back) and the export's own id for every kind; the email for leads and contacts; the normalised
 * name and the website's domain for organisations (as PRODUCT.md's possible duplicates).
 *
 * This is the seam for the workspace's duplicate rules (issue 18): `matchDuplicate` is pure and
 * takes the keys of the row and of what is already known, so a shared `match` function can replace
 * the body without the import changing.
 */
export type DuplicateKeys = {
  readonly id: Id;
  readonly externalId?: string | undefined;
  readonly email?: string | undefined;
  readonly name?: string | undefined;
  readonly domain?: string | undefined;
};

export type MatchedBy = 'id' | 'externalId' | 'email' | 'name' | 'domain';

/** Known keys → the record (or the earlier row of this file) that has them. */
export type KeyIndex<T> = {
  readonly externalId: Map<string, T>;
  readonly email: Map<string, T>;
  readonly name: Map<string, T>;
  readonly domain: Map<string, T>;
};

export const emptyKeyIndex = <T>(): KeyIndex<T> => ({
  externalId: new Map(),
  email: new Map(),
  name: new Map(),
  domain: new Map(),
});

export type DuplicateMatch =
  | { readonly matchedBy: MatchedBy; readonly existingId: Id }
  | { readonly matchedBy: MatchedBy; readonly duplicateOfRow: number };

export function duplicateKeys(imported: ImportedRecord): DuplicateKeys {
  const { record } = imported;
  switch (imported.kind) {
    case 'lead':
    case 'contact':
      return definedOnly({
        id: record.id,
        externalId: record.externalId,
        email: imported.record.email ? normaliseEmail(imported.record.email) : undefined,
      });
    case 'organisation':
      return definedOnly({
        id: record.id,
        externalId: record.externalId,
        name: normaliseOrganisationName(imported.record.name) || undefined,
        domain: bareDomain(imported.record.website),
      });
    case 'opportunity':
      return definedOnly({ id: record.id, externalId: record.externalId });
    default: {
      const _exhaustive: never = imported;
      return _exhaustive;
    }
  }
}

const ORDER: readonly Exclude<MatchedBy, 'id'>[] = ['externalId', 'email', 'name', 'domain'];

/**
 * The record or earlier row a row duplicates, in order of certainty: our id (a record of that id
 * exists), the export's own id, then email, name, domain. Existing records come before earlier rows.
 */
/** A row skipped for the record or earlier row it matched (`email-in-use`: "create anyway" met a lead's unique email). */
export function duplicateSkip(
  row: number,
  match: DuplicateMatch,
  keys: DuplicateKeys,
  reason: 'duplicate' | 'email-in-use' = 'duplicate',
): ImportSkip {
  return {
    row,
    reason,
    message:
      'existingId' in match
        ? 'A record already matches this row.'
        : 'An earlier row of the file matches this row.',
    matchedBy: match.matchedBy,
    ...('existingId' in match ? { existingId: match.existingId } : { duplicateOfRow: match.duplicateOfRow }),
    ...(keys.email ? { email: keys.email } : {}),
  };
}

export function matchDuplicate(
  keys: DuplicateKeys,
  idExists: boolean,
  existing: KeyIndex<Id>,
  earlierRows: KeyIndex<number>,
): DuplicateMatch | undefined {
  if (idExists) return { matchedBy: 'id', existingId: keys.id };
  for (const by of ORDER) {
    const key = keys[by];
    if (!key) continue;
    const id = existing[by].get(key);
    if (id) return { matchedBy: by, existingId: id };
  }
  for (const by of ORDER) {
    const key = keys[by];
    if (!key) continue;
    const row = earlierRows[by].get(key);
    if (row !== undefined) return { matchedBy: by, duplicateOfRow: row };
  }
  return undefined;
}

/** Remembers a row's keys, so later rows of the file that repeat them are its duplicates. */
export function rememberKeys<T>(index: KeyIndex<T>, keys: DuplicateKeys, value: T): void {
  for (const by of ORDER) {
    const key = keys[by];
    if (key && !index[by].has(key)) index[by].set(key, value);
  }
}

/** Fields an import never fills into an existing record: identity, links made by the workspace, audit. */
const NEVER_FILLED = new Set([
  'id',
  'workspaceId',
  'status',
  'stage',
  'probability',
  'probabilityOverridden',
  'forecastCategory',
  'closedAt',
  'stageChangedAt',
  'lostReason',
  'qualification',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'ownerId',
  'importedValues',
  'disqualificationReason',
  'disqualifiedAt',
]);

/**
 * "Update empty fields": the existing record with each empty field taken from the row, never one
 * overwritten (as conversion merges). Undefined when the row has nothing to add.
 */
export function fillEmptyFields<T extends object>(existing: T, row: T, ctx: ChangeContext): T | undefined {
  const current = existing as Readonly<Record<string, unknown>>;
  const filled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row as Readonly<Record<string, unknown>>)) {
    if (NEVER_FILLED.has(key) || value === undefined || value === '') continue;
    const now = current[key];
    if (now === undefined || now === '') filled[key] = value;
  }
  if (Object.keys(filled).length === 0) return undefined;
  return touched(
    { ...existing, ...filled } as T & {
      createdAt: string;
      updatedAt: string;
      createdBy: string;
      updatedBy: string;
    },
    ctx,
  );
}
