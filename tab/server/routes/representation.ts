import { leadCapabilities, type Page, type RecordKind, type RecordOf, type Versioned } from '@crm/shared';
import { toEtag } from '../http/etag';

/**
 * What a live record of a kind says beyond its own fields, from shared's rules (the schema names the
 * same fields: `DERIVED_FIELDS` in record-schemas.ts): a lead, what it allows now.
 */
const DERIVED: { readonly [K in RecordKind]?: (record: RecordOf[K]) => object } = {
  lead: (lead) => ({ capabilities: leadCapabilities(lead) }),
};

/**
 * A record as the API shows it: its own fields, what its kind derives from them, and `etag`, the
 * value If-Match wants, so a board can PATCH straight from a list or a conversion result without
 * reading each record again.
 */
export const representation = <K extends RecordKind>(kind: K, versioned: Versioned<RecordOf[K]>) => ({
  ...versioned.record,
  ...DERIVED[kind]?.(versioned.record),
  etag: toEtag(versioned.version),
});

/** Every list answers `{items, nextCursor}`; `nextCursor` is null on the last page. */
export const pageOf = <K extends RecordKind>(kind: K, page: Page<Versioned<RecordOf[K]>>) => ({
  items: page.items.map((item) => representation(kind, item)),
  nextCursor: page.nextCursor ?? null,
});
