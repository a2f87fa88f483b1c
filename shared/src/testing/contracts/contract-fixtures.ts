import type { Result } from '../../common/result';
import type { Instant, WorkspaceId } from '../../common/types';
import type { Lead } from '../../lead/lead';
import type { ChangeSet, Write } from '../../records/change-set';
import type { OutboxRepository, RecordRepository, WorkspaceRepository } from '../../application/ports';
import type { Version, Versioned } from '../../records/versions';
import type { ConversationRepository, TeamRepository } from '../../application/team-ports';
import type { RecordKind, RecordOf } from '../../records/records';
import { aContact, aLeadConvertedEvent, anOpportunity, anOrganisation, aStageChange } from '../builders';

/** What a contract suite runs against: the three repositories over one store. */
export type StorageUnderTest = {
  readonly records: RecordRepository;
  readonly workspaces: WorkspaceRepository;
  readonly outbox: OutboxRepository;
  readonly teams: TeamRepository;
  readonly conversations: ConversationRepository;
};

/** Every test works in its own workspace (its own partition), so suites share one store. */
export const uniqueId = (prefix: string): string =>
  `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export const insert = <K extends RecordKind>(kind: K, record: RecordOf[K]): Write => ({
  type: 'insert',
  kind,
  record,
});

export const update = <K extends RecordKind>(
  kind: K,
  current: Versioned<RecordOf[K]>,
  record: RecordOf[K],
): Write => ({
  type: 'update',
  kind,
  record,
  previous: current.record,
  expected: current.version,
});

/** A soft delete of the record as read. */
export const remove = <K extends RecordKind>(
  kind: K,
  current: Versioned<RecordOf[K]>,
  deletedAt: Instant,
): Write => ({
  type: 'delete',
  kind,
  record: current.record,
  expected: current.version,
  deletedAt,
  deletedBy: 'user-test',
});

export const change = (...writes: Write[]): ChangeSet => ({ writes, events: [] });

/** Inserts records of one kind, one commit each, and returns them with their versions. */
export async function seed<K extends RecordKind>(
  records: RecordRepository,
  ws: WorkspaceId,
  kind: K,
  items: readonly RecordOf[K][],
): Promise<Versioned<RecordOf[K]>[]> {
  const out: Versioned<RecordOf[K]>[] = [];
  for (const record of items) {
    const receipt = expectOk(await records.commit(ws, change(insert(kind, record))));
    out.push({ record, version: receipt.versions[`${kind}:${record.id}`] as Version });
  }
  return out;
}

/** The change set a lead conversion commits: lead update, three inserts, history, event, idempotency. */
export function conversionOf(ws: WorkspaceId, lead: Versioned<Lead>, key = uniqueId('key')) {
  const organisation = anOrganisation({
    workspaceId: ws,
    name: 'Ødegård Bygg AS',
    website: 'https://odegard-bygg.no',
  });
  const contact = aContact({
    workspaceId: ws,
    organisationId: organisation.id,
    firstName: 'Øyvind',
    lastName: 'Ødegård',
    email: 'oyvind@odegard-bygg.no',
  });
  const opportunity = anOpportunity({
    workspaceId: ws,
    organisationId: organisation.id,
    name: 'Ødegård Bygg – tak',
  });
  const converted: Lead = {
    ...lead.record,
    status: 'closed-converted',
    convertedAt: '2026-11-22T11:00:00.000Z',
    convertedBy: 'user-test',
    convertedOrganisationId: organisation.id,
    convertedContactId: contact.id,
    convertedOpportunityId: opportunity.id,
  };
  const stageChange = aStageChange({ opportunityId: opportunity.id, to: 'prospecting' });
  const event = aLeadConvertedEvent({ workspaceId: ws });
  const changes: ChangeSet = {
    writes: [
      update('lead', lead, converted),
      insert('organisation', organisation),
      insert('contact', contact),
      insert('opportunity', opportunity),
      { type: 'stage-change', change: stageChange },
    ],
    events: [event],
    idempotency: {
      key,
      fingerprint: 'f1',
      response: { leadId: lead.record.id },
      createdAt: '2026-11-22T11:00:00.000Z',
    },
  };
  return { changes, organisation, contact, opportunity, converted, stageChange, event, key };
}
