/**
 * Search is prefix search over normalised tokens: lower case, accents stripped (Dutch, Portuguese
 * and Norwegian names), split on anything that is not a letter or digit. Storage keeps one index row
 * per token so a query reads a key range instead of scanning records.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

export const MAX_TOKEN_LENGTH = 40;

export function tokenize(text: string | undefined): string[] {
  if (!text) return [];
  return normaliseText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
}

/** An email or host as one token ("ana.silva@example.pt"), for search by the whole address. */
export function wholeToken(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const whole = normaliseText(text.trim())
    .replace(/[^\p{L}\p{N}@._+-]/gu, '')
    .slice(0, MAX_TOKEN_LENGTH * 2);
  return whole || undefined;
}

/** Tokens for a set of fields; an email also counts whole (search by full address). */
export function searchTokens(
  fields: readonly (string | undefined)[],
  emails: readonly (string | undefined)[] = [],
): string[] {
  const tokens = new Set<string>();
  for (const f of fields) for (const t of tokenize(f)) tokens.add(t);
  for (const e of emails) {
    if (!e) continue;
    const whole = wholeToken(e);
    if (whole) tokens.add(whole);
    for (const t of tokenize(e)) tokens.add(t);
  }
  return [...tokens].sort();
}

/** The query's tokens; a record matches when every query token is a prefix of one of its tokens. */
export function queryTokens(q: string): string[] {
  return [...new Set(tokenize(q))];
}

export function matchesQuery(recordTokens: readonly string[], q: string): boolean {
  const wanted = queryTokens(q);
  return wanted.every((w) => recordTokens.some((t) => t.startsWith(w)));
}
