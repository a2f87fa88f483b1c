import type { Id } from '../common/types';
import { bareDomain, companyMailDomain, companyName, writtenSuffix } from './company-identity';

/**
 * Why a record may be the one being entered. People match by e-mail; organisations by the company
 * domain (website or e-mail), the name (the same, or the same but for the legal form), or, weakly, a
 * name that starts the other; an organisation whose contact has the e-mail also matches `same-email`.
 */
export const MATCH_REASONS = [
  'same-email',
  'same-domain',
  'same-name',
  'same-name-but-suffix',
  'similar-name',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** `strong`: almost surely the same (a dialog selects it); `possible`: worth a look. */
export type MatchStrength = 'strong' | 'possible';

export type Match = {
  readonly reason: MatchReason;
  readonly strength: MatchStrength;
  /** For `same-name-but-suffix`: the other's legal form as written ("AS"), or "" when it has none. */
  readonly suffix?: string;
};

const STRENGTH: { readonly [R in MatchReason]: MatchStrength } = {
  'same-email': 'strong',
  'same-domain': 'strong',
  'same-name': 'strong',
  'same-name-but-suffix': 'strong',
  'similar-name': 'possible',
};

/** How much each reason weighs when ranking: an e-mail is near-certain, a shared prefix a hint. */
const WEIGHT: { readonly [R in MatchReason]: number } = {
  'same-email': 8,
  'same-domain': 4,
  'same-name': 3,
  'same-name-but-suffix': 3,
  'similar-name': 1,
};

const match = (reason: MatchReason, extra: Partial<Match> = {}): Match => ({
  reason,
  strength: STRENGTH[reason],
  ...extra,
});

/** What is being entered: a lead's fields, or a new contact's or organisation's. */
export type Wanted = {
  readonly email?: string | undefined;
  /** The company (a lead's) or the organisation's name. */
  readonly company?: string | undefined;
  readonly website?: string | undefined;
};

const sameEmail = (a: string | undefined, b: string | undefined): boolean =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** A lead or contact with the same e-mail (case and spaces ignored). */
export function matchPerson(wanted: Wanted, candidate: { readonly email?: string | undefined }): Match[] {
  return sameEmail(wanted.email, candidate.email) ? [match('same-email')] : [];
}

export type OrganisationCandidate = {
  readonly name: string;
  readonly website?: string | undefined;
  readonly email?: string | undefined;
};

/**
 * An organisation that may be the company entered: the same domain (its website or e-mail against the
 * wanted website or a company e-mail; free mail never counts), the same name (legal form included),
 * the same but for the legal form ("Fjordlys Logistikk" and "Fjordlys Logistikk AS"), or a name that
 * starts the other with whole words ("Acme" and "Acme Holding"); strongest first.
 */
export function matchOrganisation(wanted: Wanted, candidate: OrganisationCandidate): Match[] {
  const matches: Match[] = [];
  const wantedDomains = new Set(
    [bareDomain(wanted.website), companyMailDomain(wanted.email)].filter((d): d is string => !!d),
  );
  const theirs = [bareDomain(candidate.website), companyMailDomain(candidate.email)];
  if (theirs.some((d) => d !== undefined && wantedDomains.has(d))) matches.push(match('same-domain'));
  if (wanted.company?.trim()) {
    const a = companyName(wanted.company);
    const b = companyName(candidate.name);
    if (a.base && a.base === b.base) {
      matches.push(
        a.suffix === b.suffix
          ? match('same-name')
          : match('same-name-but-suffix', {
              suffix: writtenSuffix(candidate.name) || writtenSuffix(wanted.company),
            }),
      );
    } else if (a.base && b.base && startsWithWords(a.base, b.base)) {
      matches.push(match('similar-name'));
    }
  }
  return matches;
}

/** "acme" and "acme holding" are similar; "acme" and "acmecorp" are not. Very short names say too little. */
function startsWithWords(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= 3 && longer.startsWith(`${shorter} `);
}

/** One candidate with why it matches; `strength` is its strongest match's. */
export type Ranked<T> = {
  readonly record: T;
  readonly matches: readonly Match[];
  readonly strength: MatchStrength;
};

const score = (matches: readonly Match[]): number => matches.reduce((sum, m) => sum + WEIGHT[m.reason], 0);

/**
 * The candidates that match at all, strong ones first, then by weight; ties keep the candidates'
 * order. Reasons within a candidate strongest first.
 */
export function rankMatches<T>(
  candidates: readonly T[],
  matchesOf: (candidate: T) => readonly Match[],
): Ranked<T>[] {
  return candidates
    .map((record) => ({
      record,
      matches: [...matchesOf(record)].sort((a, b) => WEIGHT[b.reason] - WEIGHT[a.reason]),
    }))
    .filter((c) => c.matches.length > 0)
    .map((c) => ({
      ...c,
      strength: c.matches.some((m) => m.strength === 'strong') ? ('strong' as const) : ('possible' as const),
      score: score(c.matches),
    }))
    .sort((a, b) => (a.strength === b.strength ? b.score - a.score : a.strength === 'strong' ? -1 : 1))
    .map(({ record, matches, strength }) => ({ record, matches, strength }));
}

/** Conversion's choices: every match, and the ones a dialog selects unless the user says otherwise. */
export type ConversionSuggestion<O, C> = {
  readonly organisations: readonly (Ranked<O> & { readonly suggested: boolean })[];
  readonly contacts: readonly (Ranked<C> & { readonly suggested: boolean })[];
};

/**
 * Which existing organisation and contact a conversion should select by default: the best strong
 * organisation match, and the best strong contact match that works there (a contact chosen must
 * belong to the organisation chosen). Nothing is selected on a `possible` match alone: "create new"
 * stays the default then.
 */
export function decideConversionSuggestion<
  O extends { readonly id: Id },
  C extends { readonly id: Id; readonly organisationId: Id },
>(organisations: readonly Ranked<O>[], contacts: readonly Ranked<C>[]): ConversionSuggestion<O, C> {
  const organisation = organisations.find((o) => o.strength === 'strong')?.record;
  const contact = organisation
    ? contacts.find((c) => c.strength === 'strong' && c.record.organisationId === organisation.id)?.record
    : undefined;
  return {
    organisations: organisations.map((o) => ({ ...o, suggested: o.record === organisation })),
    contacts: contacts.map((c) => ({ ...c, suggested: c.record === contact })),
  };
}
