import type { Version } from '@crm/shared';

/** The ETag for a version: opaque to clients, reversible for us, never a storage detail. */
export const toEtag = (version: Version): string => `"${Buffer.from(version, 'utf8').toString('base64url')}"`;

/** A version no record ever has: what an If-Match that names no real ETag (`*`, garbage) compares as. */
const NO_VERSION = '\u0000no-version' as Version;

/**
 * The version an If-Match header names, or undefined when the header is absent (428 follows).
 * `W/"…"` is read like `"…"`. `*` and anything that is not an entity tag name no version, so the
 * change fails as stale (412): only the real ETag lets a write through.
 */
export function versionFromIfMatch(header: string | undefined): Version | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const first = header.split(',')[0]?.trim() ?? '';
  const match = /^(?:W\/)?"([A-Za-z0-9_-]*)"$/.exec(first);
  if (!match?.[1]) return NO_VERSION;
  return Buffer.from(match[1], 'base64url').toString('utf8') as Version;
}
