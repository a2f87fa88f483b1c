import { ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import { parseInput } from '../../common/validation';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import type { AnyEntity, RuleContext } from './entity-descriptor';
import { idempotent } from '../idempotency';
import type { Version, Versioned } from '../../records/versions';
import { commitFollowed, insertWrite, loadForChange, loadRecord, updateWrite } from './record-commands';
import type { RecordKind, RecordOf } from '../../records/records';
import { resolveReferences } from './references';

export type { Decided, RuleContext } from './entity-descriptor';

/** A create that loses the round-robin's counter to another create picks again, this often at most. */
const ASSIGN_ATTEMPTS = 5;

const ruleContext = (
  deps: AppDeps,
  caller: Caller,
  access: { workspace: Versioned<RuleContext['workspace']> },
) => ({
  workspace: access.workspace.record,
  actor: caller.actor.userId,
  now: deps.clock.now(),
  newId: () => deps.ids.newId(),
});

/**
 * Every create takes this one shape: access, parse, load what the input refers to, the entity's pure
 * rule, one atomic commit — once per Idempotency-Key.
 */
export async function createRecord<K extends RecordKind>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  entity: AnyEntity<K>,
  input: unknown,
): Promise<Result<Versioned<RecordOf[K]>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const parsed = parseInput(entity.createSchema, input);
  if (!parsed.ok) return parsed;
  const { kind } = entity;
  return idempotent(
    deps,
    ws,
    caller,
    `${kind}.create`,
    parsed.value,
    async (idempotency) => {
      // A person may keep a lead beside another with its email (they are shown it: possibleDuplicates);
      // only imports are refused it. The second try marks the lead so it does not claim the email's row.
      let shareEmail = false;
      for (let attempt = 1; ; attempt++) {
        const given = parsed.value as { ownerId?: string };
        const assigned =
          given.ownerId === undefined && entity.assignOwner
            ? await entity.assignOwner(deps, access.value.workspace.record, caller.actor.userId)
            : undefined;
        const input = assigned ? { ...parsed.value, ownerId: assigned.ownerId } : parsed.value;
        const refs = await resolveReferences(deps, ws, entity.createReferences(input));
        if (!refs.ok) return refs;
        const ctx = { ...ruleContext(deps, caller, access.value), id: deps.ids.newId() };
        const decided = entity.create(input, ctx, refs.value);
        if (!decided.ok) return decided;
        const { writes = [], events = [] } = decided.value;
        const record = shareEmail
          ? ({ ...decided.value.record, emailShared: true } as RecordOf[K])
          : decided.value.record;
        const idem = idempotency.record({ id: record.id });
        const created = await commitFollowed(
          deps,
          ws,
          kind,
          record,
          {
            writes: [insertWrite(kind, record), ...writes, ...(assigned ? [assigned.write] : [])],
            events,
            ...(idem ? { idempotency: idem } : {}),
          },
          { after: record, unchanged: async () => true },
        );
        if (!created.ok && created.error.code === 'LEAD.EMAIL_IN_USE' && kind === 'lead' && !shareEmail) {
          shareEmail = true;
          continue;
        }
        // Lost the round-robin to another create: pick again from the counter it left.
        const raced = !created.ok && created.error.code === 'CONCURRENCY.STALE';
        if (!assigned || !raced || attempt >= ASSIGN_ATTEMPTS) return created;
      }
    },
    (stored) => loadRecord(deps, ws, kind, (stored as { id: Id }).id),
  );
}

/** Every update takes this one shape: access, parse, If-Match, load references, pure rule, commit. */
export async function updateRecord<K extends RecordKind>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  entity: AnyEntity<K>,
  id: Id,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<Versioned<RecordOf[K]>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const parsed = parseInput(entity.patchSchema, input);
  if (!parsed.ok) return parsed;
  const { kind } = entity;
  const current = await loadForChange(deps, ws, kind, id, expected);
  if (!current.ok) return current;
  const refs = await resolveReferences(deps, ws, entity.updateReferences(parsed.value, current.value.record));
  if (!refs.ok) return refs;
  const decided = entity.update(
    current.value,
    parsed.value,
    ruleContext(deps, caller, access.value),
    refs.value,
  );
  if (!decided.ok) return decided;
  const { record, writes = [], events = [] } = decided.value;
  return commitFollowed(
    deps,
    ws,
    kind,
    record,
    { writes: [updateWrite(kind, current.value, record), ...writes], events },
    {
      before: current.value.record,
      after: record,
      unchanged: async () => (await deps.records.get(ws, kind, id))?.version === current.value.version,
    },
  );
}

/** The create use case of one entity, bound to its description. */
export const createUseCase =
  <K extends RecordKind>(entity: AnyEntity<K>) =>
  (deps: AppDeps, caller: Caller, ws: WorkspaceId, input: unknown) =>
    createRecord(deps, caller, ws, entity, input);

/** The update use case of one entity, bound to its description. */
export const updateUseCase =
  <K extends RecordKind>(entity: AnyEntity<K>) =>
  (deps: AppDeps, caller: Caller, ws: WorkspaceId, id: Id, expected: Version | undefined, input: unknown) =>
    updateRecord(deps, caller, ws, entity, id, expected, input);

/** For rules that return just the record. */
export const asDecided = <T>(result: Result<T>): Result<{ record: T }> =>
  result.ok ? ok({ record: result.value }) : result;
