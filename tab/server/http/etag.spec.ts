import type { Version } from '@crm/shared';
import { toEtag, versionFromIfMatch } from './etag';

const version = 'W/"datetime\'2026-11-22T10%3A00%3A00.1234567Z\'"' as Version;

describe('ETags', () => {
  it('round-trips a version through a quoted, opaque ETag', () => {
    const etag = toEtag(version);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(versionFromIfMatch(etag)).toBe(version);
  });

  it('reads the weak form like the strong one', () => {
    expect(versionFromIfMatch(`W/${toEtag(version)}`)).toBe(version);
  });

  it('reads a missing or blank header as no version (428 follows)', () => {
    expect(versionFromIfMatch(undefined)).toBeUndefined();
    expect(versionFromIfMatch('  ')).toBeUndefined();
  });

  it.each(['*', 'garbage', '"not base64!"', '""'])(
    'reads %s as a version no record has (412 follows)',
    (header) => {
      const read = versionFromIfMatch(header);
      expect(read).toBeDefined();
      expect(read).not.toBe(version);
    },
  );
});
