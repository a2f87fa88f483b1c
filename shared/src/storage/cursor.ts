/**
 * Cursors are opaque to callers: base64url JSON of the last key a page covered; the next page
 * resumes after it. Anything that does not decode reads as no cursor (the first page).
 */
export const encodeCursor = (after: string): string => Buffer.from(JSON.stringify({ a: after })).toString('base64url');

export function decodeCursor(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const after = typeof value === 'object' && value !== null ? (value as { a?: unknown }).a : undefined;
    return typeof after === 'string' ? after : undefined;
  } catch {
    return undefined;
  }
}
