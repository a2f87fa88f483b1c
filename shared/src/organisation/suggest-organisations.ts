import type { Organisation } from './organisation';
import { bareDomain, normaliseOrganisationName } from './organisation-identity';

export type OrganisationMatch = 'same-website' | 'same-name' | 'similar-name';

export type OrganisationSuggestion<T> = {
  readonly organisation: T;
  /** Strongest first. */
  readonly matches: readonly OrganisationMatch[];
};

/** A shared domain is near-certain; an equal normalised name likely; one name starting the other, possible. */
const WEIGHT: { readonly [M in OrganisationMatch]: number } = {
  'same-website': 4,
  'same-name': 3,
  'similar-name': 1,
};

type Candidate = Pick<Organisation, 'name' | 'website'>;

/**
 * Existing organisations that may be the one being entered (at conversion or creation), best
 * first; ties keep the candidates' order.
 */
export function suggestOrganisations<T extends Candidate>(
  wanted: { readonly name?: string; readonly website?: string },
  candidates: readonly T[],
): OrganisationSuggestion<T>[] {
  const name = wanted.name ? normaliseOrganisationName(wanted.name) : '';
  const domain = bareDomain(wanted.website);
  const suggestions = candidates.flatMap((organisation) => {
    const matches = matchesOf(name, domain, organisation);
    return matches.length > 0 ? [{ organisation, matches, score: score(matches) }] : [];
  });
  return suggestions
    .sort((a, b) => b.score - a.score)
    .map(({ organisation, matches }) => ({ organisation, matches }));
}

function matchesOf(name: string, domain: string | undefined, candidate: Candidate): OrganisationMatch[] {
  const matches: OrganisationMatch[] = [];
  if (domain && bareDomain(candidate.website) === domain) matches.push('same-website');
  const other = normaliseOrganisationName(candidate.name);
  if (name && other === name) matches.push('same-name');
  else if (name && other && startsWithWords(name, other)) matches.push('similar-name');
  return matches;
}

/** "acme" and "acme holding" are similar; "acme" and "acmecorp" are not. Very short names say too little. */
function startsWithWords(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= 3 && longer.startsWith(`${shorter} `);
}

const score = (matches: readonly OrganisationMatch[]): number =>
  matches.reduce((sum, m) => sum + WEIGHT[m], 0);
