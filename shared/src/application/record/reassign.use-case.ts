import * as z from 'zod';
import { domainError, type DomainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import { userIdSchema } from '../../common/schemas';
import type { Id, UserId, WorkspaceId } from '../../common/types';
import { parseInput } from '../../common/validation';
import type { Version } from '../../records/versions';
import { accessWorkspace } from '../access';
import { contactEntity } from '../contact/contact.use-case';
import type { AppDeps, Caller } from '../deps';
import { leadEntity } from '../lead/lead.use-case';
import { opportunityEntity } from '../opportunity/opportunity.use-case';
import { organisationEntity } from '../organisation/organisation.use-case';
import type { AnyEntity } from './entity-descriptor';
import { updateRecord } from './generic-record.use-case';
import { notAMember } from './references';

/** The kinds that have an owner a team hands on. */
export const REASSIGNABLE = ['lead', 'organisation', 'contact', 'opportunity'] as const;
export type Reassignable = (typeof REASSIGNABLE)[number];

const ENTITIES: { readonly [K in Reassignable]: AnyEntity<K> } = {
  lead: leadEntity,
  organisation: organisationEntity,
  contact: contactEntity,
  opportunity: opportunityEntity,
};

/** At most this many records per request (each is its own commit). */
export const REASSIGN_MAX = 100;

export const ReassignInputSchema = z.strictObject({
  ownerId: userIdSchema,
  /** Each record with the version the client read (If-Match per record). */
  items: z
    .array(z.strictObject({ id: z.string().min(1).max(256), version: z.string().optional() }))
    .min(1)
    .max(REASSIGN_MAX),
});

/** What happened to one record: its new version, or why it was left as it was. */
export type ReassignOutcome =
  | { readonly id: Id; readonly ok: true; readonly version: Version }
  | { readonly id: Id; readonly ok: false; readonly error: DomainError };

export type Reassigned = { readonly ownerId: UserId; readonly results: readonly ReassignOutcome[] };

/**
 * Gives records to another member. The new owner must be a member (OWNER.NOT_A_MEMBER, nothing
 * changed); then each record is changed on its own, guarded by the version the client read, exactly
 * as updating its owner would be (a deal tells its new owner; a converted lead stays read-only). One
 * record's failure (stale, gone, read-only) is reported with it and does not stop the others.
 */
export async function reassignRecords(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  kind: Reassignable,
  input: unknown,
): Promise<Result<Reassigned>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const parsed = parseInput(ReassignInputSchema, input);
  if (!parsed.ok) return parsed;
  const { ownerId, items } = parsed.value;
  if (!(await deps.workspaces.getMember(ws, ownerId))) return err(notAMember('ownerId'));
  const seen = new Set<Id>();
  const duplicate = items.find(({ id }) => seen.size === seen.add(id).size);
  if (duplicate) {
    return err(
      domainError('VALIDATION.FAILED', `Record ${duplicate.id} is named twice.`, {
        fields: { items: `${duplicate.id} is named twice` },
      }),
    );
  }
  const entity = ENTITIES[kind] as AnyEntity<Reassignable>;
  const results: ReassignOutcome[] = [];
  for (const { id, version } of items) {
    const updated = await updateRecord(deps, caller, ws, entity, id, version as Version | undefined, {
      ownerId,
    });
    results.push(
      updated.ok ? { id, ok: true, version: updated.value.version } : { id, ok: false, error: updated.error },
    );
  }
  return ok({ ownerId, results });
}
