import { normaliseText } from '../common/search-tokens';

/**
 * Legal-form suffixes of our users' countries (NL, BR/PT, NO) and the common English and German
 * ones, written without dots: "B.V.", "S/A" and "A/S" are compared as "bv", "sa" and "as".
 */
const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'bv',
  'nv',
  'vof',
  'cv',
  'as',
  'asa',
  'ans',
  'da',
  'ltda',
  'sa',
  'lda',
  'me',
  'eireli',
  'gmbh',
  'ag',
  'kg',
  'ltd',
  'limited',
  'inc',
  'llc',
  'plc',
  'corp',
  'co',
]);

/**
 * An organisation's name as duplicates are compared: case, accents and punctuation ignored, and
 * legal-form suffixes dropped ("Acme B.V." and "ACME bv" are one name; a name that is only a
 * suffix stays as it is).
 */
export function normaliseOrganisationName(name: string): string {
  const words = normaliseText(name)
    .replace(/[.'’/]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

/**
 * A website as its bare domain: no scheme, credentials, "www.", port, path, query or trailing dot.
 * Undefined when nothing is left.
 */
export function bareDomain(website: string | undefined): string | undefined {
  if (!website) return undefined;
  const host = website
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^/?#]*@/, '')
    .split(/[/?#]/)[0]
    ?.replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .replace(/^www\d*\./, '');
  return host ? host : undefined;
}
