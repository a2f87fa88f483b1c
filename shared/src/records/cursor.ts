/**
 * List cursors are opaque to clients: base64url JSON of the last key a page covered; the next page
 * resumes after it. One codec for every implementation of the ports, and pure (no Buffer) so the
 * use cases can refuse a malformed cursor instead of silently starting over.
 */
export function encodeCursor(after: string): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ a: after }));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The key a cursor names, or undefined when `text` is not a cursor we issued. */
export function decodeCursor(text: string | undefined): string | undefined {
  if (!text || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const after = typeof value === 'object' && value !== null ? (value as { a?: unknown }).a : undefined;
    return typeof after === 'string' ? after : undefined;
  } catch {
    return undefined;
  }
}
