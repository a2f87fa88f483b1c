import type { Id, WorkspaceId } from '../../common/types';
import { err, ok, type Result } from '../../common/result';
import {
  EMPTY_REFERENCES,
  checkValueMapping,
  emptyKeyIndex,
  indexContacts,
  indexMembers,
  indexNames,
  indexOrganisations,
  type ImportKind,
  type ImportLookups,
  type ImportMapping,
  type KeyIndex,
  type ReferenceEntry,
} from '../../imports';
import { bareDomain, normaliseOrganisationName } from '../../duplicates/company-identity';
import type { Workspace } from '../../workspace/workspace';
import type { AppDeps } from '../deps';

/** What an import reads before its first row: the lookups rows link through, and the keys that make a duplicate. */
export type ImportContext = {
  readonly lookups: ImportLookups;
  /** Existing records of the kind by the export's own id, email, organisation name and domain. */
  readonly existing: KeyIndex<Id>;
};

const mapsAny = (mapping: ImportMapping, fields: readonly string[]) =>
  mapping.columns.some((field) => field !== null && fields.includes(field)) ||
  Object.keys(mapping.values).some((field) => fields.includes(field));

/**
 * Loads only what the mapping needs: campaigns when a column names one, organisations when the kind
 * links to them (or is them), contacts when a deal names its contact, and the existing records' keys
 * for duplicates (lead and contact emails from the email index, without reading the records; the
 * records themselves only when the file carries the export's own ids).
 */
export async function loadImportContext(
  deps: AppDeps,
  ws: WorkspaceId,
  workspace: Workspace,
  actor: string,
  mapping: ImportMapping,
): Promise<ImportContext> {
  const kind = mapping.kind;
  const existing = emptyKeyIndex<Id>();
  const [members, campaigns, organisations, contacts] = await Promise.all([
    deps.workspaces.listMembers(ws),
    mapsAny(mapping, ['campaign', 'campaignId']) ? campaignNames(deps, ws) : [],
    kind === 'organisation' || kind === 'contact' || kind === 'opportunity'
      ? organisationEntries(deps, ws)
      : [],
    kind === 'opportunity' &&
    mapsAny(mapping, ['primaryContact', 'primaryContactId', 'primaryContactExternalId'])
      ? contactEntries(deps, ws)
      : [],
  ]);
  if (kind === 'organisation') {
    for (const o of organisations) {
      const name = normaliseOrganisationName(o.name);
      if (name && !existing.name.has(name)) existing.name.set(name, o.id);
      const domain = bareDomain(o.website);
      if (domain && !existing.domain.has(domain)) existing.domain.set(domain, o.id);
      if (o.externalId && !existing.externalId.has(o.externalId)) existing.externalId.set(o.externalId, o.id);
    }
  }
  if (kind === 'lead' || kind === 'contact') {
    for await (const entry of deps.records.listEmails(ws, kind))
      if (!existing.email.has(entry.email)) existing.email.set(entry.email, entry.id);
  }
  if (kind !== 'organisation' && mapsAny(mapping, ['externalId']))
    await externalIds(deps, ws, kind, existing);
  return {
    existing,
    lookups: {
      actor,
      members: indexMembers(members),
      campaigns: indexNames(campaigns),
      stages: workspace.settings.stages,
      defaultCurrency: workspace.settings.defaultCurrency,
      organisations: organisations.length > 0 ? indexOrganisations(organisations) : EMPTY_REFERENCES,
      contacts: contacts.length > 0 ? indexContacts(contacts) : EMPTY_REFERENCES,
    },
  };
}

async function campaignNames(deps: AppDeps, ws: WorkspaceId): Promise<{ id: Id; name: string }[]> {
  const campaigns: { id: Id; name: string }[] = [];
  for await (const { record } of deps.records.scan(ws, 'campaign'))
    campaigns.push({ id: record.id, name: record.name });
  return campaigns;
}

type OrganisationEntry = ReferenceEntry & { readonly website?: string | undefined };

async function organisationEntries(deps: AppDeps, ws: WorkspaceId): Promise<OrganisationEntry[]> {
  const entries: OrganisationEntry[] = [];
  for await (const { record } of deps.records.scan(ws, 'organisation'))
    entries.push({
      id: record.id,
      name: record.name,
      externalId: record.externalId,
      website: record.website,
    });
  return entries;
}

async function contactEntries(deps: AppDeps, ws: WorkspaceId): Promise<ReferenceEntry[]> {
  const entries: ReferenceEntry[] = [];
  for await (const { record } of deps.records.scan(ws, 'contact'))
    entries.push({
      id: record.id,
      name: [record.firstName, record.lastName].filter(Boolean).join(' '),
      externalId: record.externalId,
      email: record.email,
      organisationId: record.organisationId,
    });
  return entries;
}

/** The export's own ids of the kind's existing records (re-importing a file finds its rows again). */
async function externalIds(
  deps: AppDeps,
  ws: WorkspaceId,
  kind: Exclude<ImportKind, 'organisation'>,
  existing: KeyIndex<Id>,
): Promise<void> {
  for await (const { record } of deps.records.scan(ws, kind))
    if (record.externalId && !existing.externalId.has(record.externalId))
      existing.externalId.set(record.externalId, record.id);
}

/**
 * A mapping's value answers checked against the workspace's stages, members and campaigns before
 * an import is queued (a wrong one is refused then, not row by row later).
 */
export async function checkMappingValues(
  deps: AppDeps,
  ws: WorkspaceId,
  workspace: Workspace,
  mapping: ImportMapping,
): Promise<Result<void>> {
  if (Object.keys(mapping.values).length === 0) return ok(undefined);
  const [members, campaigns] = await Promise.all([
    deps.workspaces.listMembers(ws),
    mapsAny(mapping, ['campaign', 'campaignId']) ? campaignNames(deps, ws) : [],
  ]);
  const checked = checkValueMapping(mapping.kind, mapping.values, {
    stages: workspace.settings.stages,
    members: indexMembers(members),
    campaigns: indexNames(campaigns),
  });
  return checked.ok ? checked : err(checked.error);
}
