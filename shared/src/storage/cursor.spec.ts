import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips a key as an opaque url-safe string', () => {
    const cursor = encodeCursor('idx|lead|øde|01ABC');

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toBe('idx|lead|øde|01ABC');
  });

  it.each([
    undefined,
    '',
    '!!!',
    Buffer.from('[1]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('reads %p as no cursor', (text) => {
    expect(decodeCursor(text)).toBeUndefined();
  });
});
