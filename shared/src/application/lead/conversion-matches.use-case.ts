import { ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import type { Contact } from '../../contact/contact';
import { suggestContacts } from '../../contact/suggest-contacts';
import { bareDomain } from '../../organisation/organisation-identity';
import type { Organisation } from '../../organisation/organisation';
import { suggestOrganisations, type OrganisationMatch } from '../../organisation/suggest-organisations';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import type { Versioned } from '../../records/versions';
import { loadRecord } from '../record/record-commands';

export type ConversionMatches = {
  readonly organisations: readonly {
    organisation: Versioned<Organisation>;
    matches: readonly OrganisationMatch[];
  }[];
  readonly contacts: readonly Versioned<Contact>[];
};

const CANDIDATES = 50;

/**
 * What a lead may already be in this workspace, for the conversion dialog and the bot: organisations
 * by name and website, contacts by email. Candidates come from the search index (never a scan); the
 * pure rules rank them.
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

  const found = new Map<Id, Versioned<Organisation>>();
  const domain = bareDomain(website);
  for (const q of [company, domain?.split('.')[0]]) {
    if (!q?.trim()) continue;
    const page = await deps.records.list(ws, 'organisation', { limit: CANDIDATES, q });
    for (const item of page.items) found.set(item.record.id, item);
  }
  const organisations = suggestOrganisations(
    { ...(company ? { name: company } : {}), ...(website ? { website } : {}) },
    [...found.values()].map((v) => ({ ...v.record, versioned: v })),
  ).map((s) => ({ organisation: s.organisation.versioned, matches: s.matches }));

  const contacts = email
    ? suggestContacts(
        { email },
        (await deps.records.findByEmail(ws, 'contact', email)).map((v) => ({ ...v.record, versioned: v })),
      ).map((c) => c.versioned)
    : [];
  return ok({ organisations, contacts });
}
