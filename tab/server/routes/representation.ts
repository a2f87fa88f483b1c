import type { Page, Versioned } from '@crm/shared';
import { toEtag } from '../http/etag';

/**
 * A record as the API shows it: its own fields plus `etag`, the value If-Match wants, so a board can
 * PATCH straight from a list or a conversion result without reading each record again.
 */
export const representation = <T extends object>(versioned: Versioned<T>): T & { etag: string } => ({
  ...versioned.record,
  etag: toEtag(versioned.version),
});

/** Every list answers `{items, nextCursor}`; `nextCursor` is null on the last page. */
export const pageOf = <T extends object>(page: Page<Versioned<T>>) => ({
  items: page.items.map(representation),
  nextCursor: page.nextCursor ?? null,
});
