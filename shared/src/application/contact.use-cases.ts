import type { Result } from '../common/result';
import type { Id, WorkspaceId } from '../common/types';
import {
  ContactCreateInputSchema,
  ContactPatchInputSchema,
  createContact as createContactRule,
  updateContact as updateContactRule,
} from '../contact';
import type { Contact } from '../contact/contact';
import type { AppDeps, Caller } from './deps';
import type { Version, Versioned } from './ports';
import { asDecided, createRecord, updateRecord } from './record-use-case';
import { ensureMember, ensureRecord } from './references';

export function createContact(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  input: unknown,
): Promise<Result<Versioned<Contact>>> {
  return createRecord(
    deps,
    caller,
    ws,
    {
      kind: 'contact',
      schema: ContactCreateInputSchema,
      checks: (i) => [
        () => ensureMember(deps, ws, i.ownerId),
        () => ensureRecord(deps, ws, 'organisation', i.organisationId, 'organisationId'),
      ],
      decide: (i, ctx) => asDecided(createContactRule(i, { ...ctx, workspaceId: ws })),
    },
    input,
  );
}

export function updateContact(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  id: Id,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<Versioned<Contact>>> {
  return updateRecord(
    deps,
    caller,
    ws,
    {
      kind: 'contact',
      schema: ContactPatchInputSchema,
      checks: (i) => [
        () => ensureMember(deps, ws, i.ownerId ?? undefined),
        () => ensureRecord(deps, ws, 'organisation', i.organisationId ?? undefined, 'organisationId'),
      ],
      decide: (current, i, ctx) => asDecided(updateContactRule(current.record, i, ctx)),
    },
    id,
    expected,
    input,
  );
}
