import { normaliseText } from '../common/search-tokens';
import type { Currency, Id, UserId } from '../common/types';
import type { StageConfig } from '../opportunity/stage';
import { normaliseOrganisationName } from '../duplicates/company-identity';

/**
 * What an import reads besides the file, loaded once before the first row: the workspace's members
 * (owners), campaigns, stages and currency, and the records other files link to (organisations and
 * contacts, by our id, the export's own id, name or email).
 */
export type ImportLookups = {
  /** Who imports: the owner of a row whose owner is not a member, unless `assignOwner` says otherwise. */
  readonly actor: UserId;
  readonly members: MemberDirectory;
  readonly campaigns: NameIndex;
  readonly stages: StageConfig;
  readonly defaultCurrency: Currency;
  readonly organisations: ReferenceIndex;
  readonly contacts: ReferenceIndex;
};

/** Ids by exact id and by a normalised name (several records may share one). */
export type NameIndex = {
  readonly ids: ReadonlySet<Id>;
  readonly byName: ReadonlyMap<string, readonly Id[]>;
};

export type ReferenceIndex = NameIndex & {
  readonly byExternalId: ReadonlyMap<string, Id>;
  readonly byEmail: ReadonlyMap<string, Id>;
  /** A contact's organisation (a deal's primary contact must be one of its organisation's). */
  readonly organisationOf: ReadonlyMap<Id, Id>;
};

/** A campaign's, contact's or member's name as compared: case, accents and runs of spaces ignored. */
export const nameKey = (name: string): string => normaliseText(name.trim().replace(/\s+/g, ' '));

function byName(entries: readonly { readonly id: Id; readonly key: string }[]): Map<string, Id[]> {
  const map = new Map<string, Id[]>();
  for (const { id, key } of entries) if (key) map.set(key, [...(map.get(key) ?? []), id]);
  return map;
}

export function indexNames(records: readonly { readonly id: Id; readonly name: string }[]): NameIndex {
  return {
    ids: new Set(records.map((r) => r.id)),
    byName: byName(records.map((r) => ({ id: r.id, key: nameKey(r.name) }))),
  };
}

export type ReferenceEntry = {
  readonly id: Id;
  readonly name: string;
  readonly externalId?: string | undefined;
  readonly email?: string | undefined;
  readonly organisationId?: Id | undefined;
};

/** Organisations by normalised name (legal forms dropped: "Acme B.V." is "ACME bv"). */
export function indexOrganisations(records: Iterable<ReferenceEntry>): ReferenceIndex {
  return indexReferences(records, normaliseOrganisationName);
}

/** Contacts by display name and email. */
export function indexContacts(records: Iterable<ReferenceEntry>): ReferenceIndex {
  return indexReferences(records, nameKey);
}

function indexReferences(records: Iterable<ReferenceEntry>, key: (name: string) => string): ReferenceIndex {
  const ids = new Set<Id>();
  const names: { id: Id; key: string }[] = [];
  const byExternalId = new Map<string, Id>();
  const byEmail = new Map<string, Id>();
  const organisationOf = new Map<Id, Id>();
  for (const r of records) {
    ids.add(r.id);
    names.push({ id: r.id, key: key(r.name) });
    if (r.externalId && !byExternalId.has(r.externalId)) byExternalId.set(r.externalId, r.id);
    if (r.email && !byEmail.has(r.email.toLowerCase())) byEmail.set(r.email.toLowerCase(), r.id);
    if (r.organisationId) organisationOf.set(r.id, r.organisationId);
  }
  return { ids, byName: byName(names), byExternalId, byEmail, organisationOf };
}

export const EMPTY_REFERENCES: ReferenceIndex = indexReferences([], nameKey);

/** Members by user id, name and (where a member has one) email. */
export type MemberDirectory = {
  readonly ids: ReadonlySet<UserId>;
  readonly byName: ReadonlyMap<string, readonly UserId[]>;
  readonly byEmail: ReadonlyMap<string, UserId>;
};

export function indexMembers(
  members: readonly { readonly userId: UserId; readonly name?: string; readonly email?: string }[],
): MemberDirectory {
  return {
    ids: new Set(members.map((m) => m.userId.toLowerCase())),
    byName: byName(members.map((m) => ({ id: m.userId, key: m.name ? nameKey(m.name) : '' }))),
    byEmail: new Map(
      members.flatMap((m) => (m.email ? [[m.email.trim().toLowerCase(), m.userId] as const] : [])),
    ),
  };
}

/** The member a cell names (user id, email or unique name), or undefined. */
export function findMember(directory: MemberDirectory, text: string): UserId | undefined {
  const t = text.trim();
  if (directory.ids.has(t.toLowerCase())) return t.toLowerCase();
  const byEmail = directory.byEmail.get(t.toLowerCase());
  if (byEmail) return byEmail;
  const named = directory.byName.get(nameKey(t)) ?? [];
  return named.length === 1 ? named[0] : undefined;
}

export type Found = { readonly id: Id } | { readonly missing: 'unknown' | 'ambiguous' };

/** A campaign by id or unique name. */
export function findByName(index: NameIndex, text: string, key: (name: string) => string = nameKey): Found {
  const t = text.trim();
  if (index.ids.has(t)) return { id: t };
  const named = index.byName.get(key(t)) ?? [];
  if (named.length === 1) return { id: named[0]! };
  return { missing: named.length === 0 ? 'unknown' : 'ambiguous' };
}

/** A linked record by our id, the export's own id, email (contacts) or unique name. */
export function findReference(
  index: ReferenceIndex,
  how: 'id' | 'externalId' | 'name',
  text: string,
  key: (name: string) => string,
): Found {
  const t = text.trim();
  switch (how) {
    case 'id':
      return index.ids.has(t) ? { id: t } : { missing: 'unknown' };
    case 'externalId': {
      const id = index.byExternalId.get(t);
      return id ? { id } : { missing: 'unknown' };
    }
    case 'name': {
      const byEmail = t.includes('@') ? index.byEmail.get(t.toLowerCase()) : undefined;
      if (byEmail) return { id: byEmail };
      return findByName(index, t, key);
    }
    default: {
      const _exhaustive: never = how;
      return _exhaustive;
    }
  }
}
