import {
  binBoundary,
  binKey,
  idempotencyKey,
  searchKey,
  searchPartition,
  searchPartitions,
  searchPrefix,
  isKeySafeId,
  keyPart,
  prefixRange,
} from './record-keys';

describe('record keys', () => {
  it('escapes the characters keys may not hold, and our own separator', () => {
    expect(keyPart('a/b\\c#d?e|f%g\u0001')).toBe('a%2fb%5cc%23d%3fe%7cf%25g%01');
    expect(keyPart('ana@example.pt')).toBe('ana@example.pt');
  });

  it('tells which ids can name a row', () => {
    expect(isKeySafeId('01HZY-abc_9')).toBe(true);
    expect(isKeySafeId('')).toBe(false);
    expect(isKeySafeId('a/b')).toBe(false);
    expect(isKeySafeId('a|b')).toBe(false);
  });

  it('covers exactly the keys that start with a prefix', () => {
    const { lo, hi } = prefixRange(searchPrefix('lead', 'jo'));
    const inside = (key: string) => key >= lo && key < hi;

    expect(inside(searchKey('lead', 'jo', 'x'))).toBe(true);
    expect(inside(searchKey('lead', 'joao', 'x'))).toBe(true);
    expect(inside(searchKey('lead', 'jp', 'x'))).toBe(false);
    expect(inside(searchKey('lead', 'j', 'x'))).toBe(false);
    expect(inside(searchKey('organisation', 'joao', 'x'))).toBe(false);
  });

  it('puts every token that starts with a prefix in the shard of the prefix', () => {
    expect(searchPartition('ws', 'jo')).toBe(searchPartition('ws', 'joao'));
    expect(searchPartition('ws', 'ødegård')).toBe(searchPartition('ws', 'ø'));
    expect(new Set(searchPartitions('ws')).size).toBe(16);
    expect(searchPartitions('ws')).toContain(searchPartition('ws', 'zz'));
  });

  it('orders bin keys newest deletion first; "before T" is everything from the boundary on', () => {
    const older = binKey('2026-10-01T00:00:00.000Z', 'lead', 'a');
    const cutoff = '2026-11-01T00:00:00.000Z';
    const atCutoff = binKey(cutoff, 'lead', 'b');
    const newer = binKey('2026-11-20T00:00:00.000Z', 'lead', 'c');

    expect([older, atCutoff, newer].sort()).toEqual([newer, atCutoff, older]);
    expect(older >= binBoundary(cutoff)).toBe(true);
    expect(atCutoff >= binBoundary(cutoff)).toBe(false);
  });

  it('hashes idempotency keys to fixed-length row keys', () => {
    expect(idempotencyKey('user:op:any/key#?')).toMatch(/^idm\|[0-9a-f]{64}$/);
    expect(idempotencyKey('a')).not.toBe(idempotencyKey('b'));
  });
});
