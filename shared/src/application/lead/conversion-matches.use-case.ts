import * as z from 'zod';
import { ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import { parseInput } from '../../common/validation';
import type { Contact } from '../../contact/contact';
import { bareDomain, companyMailDomain, companyName } from '../../duplicates/company-identity';
import {
  decideConversionSuggestion,
  matchOrganisation,
  matchPerson,
  rankMatches,
  type Match,
  type MatchStrength,
  type Wanted,
} from '../../duplicates/duplicate-matching';
import type { Lead } from '../../lead/lead';
import type { Organisation } from '../../organisation/organisation';
import type { Versioned } from '../../records/versions';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import { loadRecord } from '../record/record-commands';

/** A record that may be the one being entered, with why and how strongly. */
export type Matched<T> = {
  readonly record: Versioned<T>;
  readonly matches: readonly Match[];
  readonly strength: MatchStrength;
};

export type ConversionMatches = {
  /** Strong matches first; `suggested` on the one the dialog selects by default (at most one). */
  readonly organisations: readonly (Matched<Organisation> & { readonly suggested: boolean })[];
  /** Contacts with the lead's e-mail; `suggested` on one that works at the suggested organisation. */
  readonly contacts: readonly (Matched<Contact> & { readonly suggested: boolean })[];
};

export type Duplicates = {
  readonly leads: readonly Matched<Lead>[];
  readonly contacts: readonly Matched<Contact>[];
  readonly organisations: readonly Matched<Organisation>[];
};

const CANDIDATES = 50;

/**
 * Organisations that may be the company: found through the search index (never a scan) by the
 * company's name without its legal form ("Jansen Transport BV" searches "jansen transport", so
 * "Jansen Transport B.V." is found too) and by the first label of its web or company e-mail domain
 * (a website's host is indexed whole); the pure rules decide what matches.
 */
async function organisationCandidates(
  deps: AppDeps,
  ws: WorkspaceId,
  wanted: Wanted,
): Promise<Map<Id, Versioned<Organisation>>> {
  const found = new Map<Id, Versioned<Organisation>>();
  const base = wanted.company ? companyName(wanted.company).base : '';
  const domains = [bareDomain(wanted.website), companyMailDomain(wanted.email)];
  const queries = new Set([base, ...domains.map((d) => d?.split('.')[0] ?? '')].filter((q) => q.length >= 2));
  for (const q of queries) {
    const page = await deps.records.list(ws, 'organisation', { limit: CANDIDATES, q });
    for (const item of page.items) found.set(item.record.id, item);
  }
  return found;
}

const emailOf = (email: string | undefined) => (email?.trim() ? email : undefined);

/** Ranks versioned records with a rule over the plain record. */
function ranked<T>(items: Iterable<Versioned<T>>, matchesOf: (record: T) => readonly Match[]): Matched<T>[] {
  return rankMatches([...items], (v) => matchesOf(v.record)).map(({ record, matches, strength }) => ({
    record,
    matches,
    strength,
  }));
}

/**
 * What a lead may already be in this workspace, for the conversion dialog and the bot: organisations
 * by name (legal form aside), web or e-mail domain, or as the organisation of a contact with the lead's
 * e-mail; contacts by e-mail. Each with why (`matches`), how strongly, and which to select by default.
 */
export async function conversionMatches(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  leadId: Id,
): Promise<Result<ConversionMatches>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const lead = await loadRecord(deps, ws, 'lead', leadId);
  if (!lead.ok) return lead;
  const { company, website, email } = lead.value.record;
  const wanted: Wanted = { email, company, website };

  const contacts = email ? await deps.records.findByEmail(ws, 'contact', email) : [];
  const organisations = await organisationCandidates(deps, ws, wanted);
  // The organisation of a contact with the lead's e-mail is a match too, whatever its name.
  const ofContacts = new Set(contacts.map((c) => c.record.organisationId));
  const missing = [...ofContacts].filter((id) => !organisations.has(id));
  for (const org of await deps.records.getMany(ws, 'organisation', missing))
    organisations.set(org.record.id, org);

  const rankedOrganisations = ranked(organisations.values(), (o) => [
    ...matchOrganisation(wanted, o),
    ...(ofContacts.has(o.id) ? [{ reason: 'same-email' as const, strength: 'strong' as const }] : []),
  ]);
  const rankedContacts = ranked(contacts, (c) => matchPerson(wanted, c));
  const suggestion = decideConversionSuggestion(
    rankedOrganisations.map((o) => ({ ...o, record: o.record.record })),
    rankedContacts.map((c) => ({ ...c, record: c.record.record })),
  );
  return ok({
    organisations: rankedOrganisations.map((o, i) => ({
      ...o,
      suggested: suggestion.organisations[i]!.suggested,
    })),
    contacts: rankedContacts.map((c, i) => ({ ...c, suggested: suggestion.contacts[i]!.suggested })),
  });
}

export const DuplicateQuerySchema = z
  .strictObject({
    email: z.string().trim().max(254).optional(),
    company: z.string().trim().max(200).optional(),
    website: z.string().trim().max(2048).optional(),
  })
  .refine((q) => !!(q.email || q.company || q.website), {
    message: 'give email, company or website',
    path: ['email'],
  });

/**
 * Possible duplicates of what a form is about to create (a lead; also a contact by its e-mail, an
 * organisation by its name and website): leads and contacts with the e-mail, organisations by name,
 * web or e-mail domain. Shown, never enforced: creating stays the user's choice.
 */
export async function findDuplicates(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  query: unknown,
): Promise<Result<Duplicates>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const parsed = parseInput(DuplicateQuerySchema, query);
  if (!parsed.ok) return parsed;
  return ok(await duplicatesOf(deps, ws, parsed.value));
}

/**
 * What a lead just created may duplicate (the lead itself aside): what createLead's answer reports,
 * so the form can show and link to it. Read after the commit; the caller has write access already.
 */
export async function duplicatesOfLead(deps: AppDeps, ws: WorkspaceId, lead: Lead): Promise<Duplicates> {
  const { email, company, website } = lead;
  if (!email?.trim() && !company?.trim() && !website?.trim())
    return { leads: [], contacts: [], organisations: [] };
  return duplicatesOf(deps, ws, { email, company, website }, lead.id);
}

/** Every record a duplicates answer names, as `{kind}:{id}` (what a dialog that showed them remembers). */
export function matchedRecordKeys(found: Duplicates): string[] {
  return [
    ...found.leads.map((m) => `lead:${m.record.record.id}`),
    ...found.contacts.map((m) => `contact:${m.record.record.id}`),
    ...found.organisations.map((m) => `organisation:${m.record.record.id}`),
  ];
}

/**
 * Whether creating must show the duplicates first: one of them was not among those the person was
 * shown (`shown`, from `matchedRecordKeys`). Once they saw them all, creating is their deliberate choice.
 */
export const duplicatesUnseen = (found: Duplicates, shown: readonly string[]): boolean =>
  matchedRecordKeys(found).some((key) => !shown.includes(key));

async function duplicatesOf(deps: AppDeps, ws: WorkspaceId, wanted: Wanted, self?: Id): Promise<Duplicates> {
  const email = emailOf(wanted.email);
  const [leads, contacts, organisations] = await Promise.all([
    email ? deps.records.findByEmail(ws, 'lead', email) : Promise.resolve([]),
    email ? deps.records.findByEmail(ws, 'contact', email) : Promise.resolve([]),
    organisationCandidates(deps, ws, wanted),
  ]);
  return {
    leads: ranked(
      leads.filter((l) => l.record.id !== self),
      (l) => matchPerson(wanted, l),
    ),
    contacts: ranked(contacts, (c) => matchPerson(wanted, c)),
    organisations: ranked(organisations.values(), (o) => matchOrganisation(wanted, o)),
  };
}
