import { normaliseText } from '../common/search-tokens';

/**
 * Legal-form suffixes of our users' countries (NO, NL, BR/PT) and the usual European, English and
 * American ones, written without dots or slashes: "B.V.", "S/A" and "A/S" are compared as "bv", "sa"
 * and "as".
 */
const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  // Norway, Denmark, Sweden, Finland
  'as',
  'asa',
  'ans',
  'da',
  'ks',
  'aps',
  'ab',
  'oy',
  'oyj',
  // Netherlands, Belgium
  'bv',
  'bvba',
  'nv',
  'vof',
  'cv',
  // Brazil, Portugal, Spain, France, Italy
  'sa',
  'ltda',
  'lda',
  'me',
  'epp',
  'eireli',
  'sl',
  'sas',
  'sarl',
  'srl',
  'spa',
  // Germany, Austria, Switzerland
  'gmbh',
  'ag',
  'kg',
  'ug',
  'se',
  // English-speaking
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'plc',
  'corp',
  'corporation',
  'co',
  'pty',
]);

/** A company name as duplicates compare it: its words without the legal form, and the legal form apart. */
export type CompanyName = {
  /** Case, accents and punctuation ignored; "" when the name holds no word. */
  readonly base: string;
  /** The legal-form words stripped from its end, normalised ("as", "bv"); "" when none. */
  readonly suffix: string;
};

/**
 * "Fjordlys Logistikk AS" → {base "fjordlys logistikk", suffix "as"}; "Jansen Transport B.V." and
 * "JANSEN TRANSPORT BV" → {base "jansen transport", suffix "bv"}. A name that is only a suffix stays
 * its own base ("SA").
 */
export function companyName(name: string): CompanyName {
  const words = normaliseText(name)
    .replace(/[.'’/]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  const suffix: string[] = [];
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) suffix.unshift(words.pop()!);
  return { base: words.join(' '), suffix: suffix.join(' ') };
}

/** A company name as an import matches it: its words without the legal form ("jansen transport"). */
export const normaliseOrganisationName = (name: string): string => companyName(name).base;

/** The legal form as it is written in `name` ("AS", "B.V."), for saying "the same name but for AS". */
export function writtenSuffix(name: string): string {
  const { suffix } = companyName(name);
  if (!suffix) return '';
  const parts = name.trim().split(/\s+/);
  const count = suffix.split(' ').length;
  return parts.slice(-count).join(' ').replace(/^,\s*/, '');
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

/**
 * Mail services anyone can sign up to: a shared address domain there says nothing about a company.
 * The big international ones and those common in Norway, the Netherlands and Brazil.
 */
const FREE_MAIL: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.no',
  'hotmail.nl',
  'hotmail.com.br',
  'live.com',
  'live.no',
  'live.nl',
  'msn.com',
  'yahoo.com',
  'yahoo.no',
  'yahoo.com.br',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'online.no',
  'frisurf.no',
  'ziggo.nl',
  'kpnmail.nl',
  'planet.nl',
  'home.nl',
  'hetnet.nl',
  'bol.com.br',
  'uol.com.br',
  'terra.com.br',
  'ig.com.br',
]);

export const isFreeMailDomain = (domain: string): boolean => FREE_MAIL.has(domain.toLowerCase());

/** The domain of an e-mail address when it can name a company (not a free mail service). */
export function companyMailDomain(email: string | undefined): string | undefined {
  const at = email?.trim().toLowerCase().lastIndexOf('@') ?? -1;
  if (!email || at < 1) return undefined;
  const domain = email
    .trim()
    .toLowerCase()
    .slice(at + 1)
    .replace(/\.$/, '');
  return domain && !isFreeMailDomain(domain) ? domain : undefined;
}
