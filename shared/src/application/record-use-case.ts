import type { z } from 'zod';
import { ok, type Result } from '../common/result';
import type { Id, Instant, UserId, WorkspaceId } from '../common/types';
import { parseInput } from '../common/validation';
import type { DomainEvent } from '../events/domain-event';
import type { Workspace } from '../workspace/workspace';
import { accessWorkspace } from './access';
import type { AppDeps, Caller } from './deps';
import { idempotent } from './idempotency';
import type { Version, Versioned, Write } from './ports';
import { commitRecord, insertWrite, loadForChange, loadRecord, updateWrite } from './record-commands';
import type { RecordKind, RecordOf } from './records';
import { firstFailure } from './references';

export type RuleContext = {
  readonly workspace: Workspace;
  readonly actor: UserId;
  readonly now: Instant;
  readonly newId: () => Id;
};

/** What a pure rule decided: the record, plus any events and extra writes that go with it atomically. */
export type Decided<K extends RecordKind> = {
  readonly record: RecordOf[K];
  readonly events?: readonly DomainEvent[];
  readonly writes?: readonly Write[];
};

type Check = () => Promise<Result<unknown>>;

/**
 * The one shape every create takes: access, parse, reference checks, pure rule, atomic commit —
 * once per Idempotency-Key.
 */
export async function createRecord<K extends RecordKind, S extends z.ZodType>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  spec: {
    kind: K;
    schema: S;
    checks: (input: z.output<S>) => readonly Check[];
    decide: (
      input: z.output<S>,
      ctx: RuleContext & { id: Id },
    ) => Result<Decided<K>> | Promise<Result<Decided<K>>>;
  },
  input: unknown,
): Promise<Result<Versioned<RecordOf[K]>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const parsed = parseInput(spec.schema, input);
  if (!parsed.ok) return parsed;
  return idempotent(
    deps,
    ws,
    caller,
    `${spec.kind}.create`,
    parsed.value,
    async (idempotency) => {
      const refs = await firstFailure(spec.checks(parsed.value));
      if (!refs.ok) return refs;
      const decided = await spec.decide(parsed.value, {
        id: deps.ids.newId(),
        workspace: access.value.workspace.record,
        actor: caller.actor.userId,
        now: deps.clock.now(),
        newId: () => deps.ids.newId(),
      });
      if (!decided.ok) return decided;
      const idem = idempotency.record({ id: decided.value.record.id });
      return commitRecord(deps, ws, spec.kind, decided.value.record, {
        writes: [insertWrite(spec.kind, decided.value.record), ...(decided.value.writes ?? [])],
        events: decided.value.events ?? [],
        ...(idem ? { idempotency: idem } : {}),
      });
    },
    (stored) => loadRecord(deps, ws, spec.kind, (stored as { id: Id }).id),
  );
}

/** The one shape every update takes: access, parse, If-Match, reference checks, pure rule, commit. */
export async function updateRecord<K extends RecordKind, S extends z.ZodType>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  spec: {
    kind: K;
    schema: S;
    checks: (input: z.output<S>, current: RecordOf[K]) => readonly Check[];
    decide: (
      current: Versioned<RecordOf[K]>,
      input: z.output<S>,
      ctx: RuleContext,
    ) => Result<Decided<K>> | Promise<Result<Decided<K>>>;
  },
  id: Id,
  expected: Version | undefined,
  input: unknown,
): Promise<Result<Versioned<RecordOf[K]>>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const parsed = parseInput(spec.schema, input);
  if (!parsed.ok) return parsed;
  const current = await loadForChange(deps, ws, spec.kind, id, expected);
  if (!current.ok) return current;
  const refs = await firstFailure(spec.checks(parsed.value, current.value.record));
  if (!refs.ok) return refs;
  const decided = await spec.decide(current.value, parsed.value, {
    workspace: access.value.workspace.record,
    actor: caller.actor.userId,
    now: deps.clock.now(),
    newId: () => deps.ids.newId(),
  });
  if (!decided.ok) return decided;
  return commitRecord(deps, ws, spec.kind, decided.value.record, {
    writes: [updateWrite(spec.kind, current.value, decided.value.record), ...(decided.value.writes ?? [])],
    events: decided.value.events ?? [],
  });
}

/** For rules that return just the record. */
export const asDecided = <T>(result: Result<T>): Result<{ record: T }> =>
  result.ok ? ok({ record: result.value }) : result;
