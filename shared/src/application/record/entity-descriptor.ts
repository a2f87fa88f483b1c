import type { z } from 'zod';
import type { DomainError } from '../../common/domain-error';
import type { Result } from '../../common/result';
import type { Id, Instant, UserId } from '../../common/types';
import type { DomainEvent } from '../../events/domain-event';
import type { Workspace } from '../../workspace/workspace';
import type { Versioned } from '../../records/versions';
import type { Write } from '../../records/change-set';
import type { AppDeps } from '../deps';
import type { AnyRecord, RecordKind, RecordOf } from '../../records/records';

/** What a pure rule is told about the moment it runs in. */
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

/**
 * Something an input refers to, checked (and loaded) before the rule runs. A member reference must
 * name a member of the workspace; a record reference a live record in it, unless `optional` (then it
 * is only loaded, when it exists). Absent ids are not checked.
 */
export type Reference =
  | { readonly member: UserId | null | undefined; readonly field?: string }
  | {
      readonly kind: RecordKind;
      readonly id: Id | null | undefined;
      readonly field: string;
      readonly optional?: true;
      /** The error when it does not exist; by default VALIDATION.FAILED on `field`. */
      readonly missing?: DomainError;
    };

export type ReferencedRecord = { readonly kind: RecordKind; readonly found: Versioned<AnyRecord> };
/** The records the references named, by field, as loaded for the rule. */
export type Referenced = ReadonlyMap<string, ReferencedRecord>;

/** The record of `kind` loaded for `field`, if any. */
export function referenced<K extends RecordKind>(
  refs: Referenced,
  kind: K,
  field: string,
): Versioned<RecordOf[K]> | undefined {
  const entry = refs.get(field);
  return entry?.kind === kind ? (entry.found as Versioned<RecordOf[K]>) : undefined;
}

/**
 * One entity, described once: its kind, its input schemas, what its inputs refer to and its pure
 * create and update rules. The generic use cases (generic-record.use-case.ts) and the tab's record routes
 * both consume it, so adding an entity is one description, not another copy of the shells.
 */
export type EntityDescriptor<K extends RecordKind, C extends z.ZodType, P extends z.ZodType> = {
  readonly kind: K;
  readonly createSchema: C;
  readonly patchSchema: P;
  readonly createReferences: (input: z.output<C>) => readonly Reference[];
  readonly updateReferences: (input: z.output<P>, current: RecordOf[K]) => readonly Reference[];
  readonly create: (
    input: z.output<C>,
    ctx: RuleContext & { readonly id: Id },
    refs: Referenced,
  ) => Result<Decided<K>>;
  readonly update: (
    current: Versioned<RecordOf[K]>,
    input: z.output<P>,
    ctx: RuleContext,
    refs: Referenced,
  ) => Result<Decided<K>>;
  /**
   * Who owns a new record whose input names no owner, when that is not simply its creator (leads: the
   * workspace's round-robin). The write (a counter) is committed with the record; a commit that loses
   * a race on it is retried with a fresh pick.
   */
  readonly assignOwner?: (
    deps: AppDeps,
    workspace: Workspace,
    actor: UserId,
  ) => Promise<{ readonly ownerId: UserId; readonly write: Write } | undefined>;
};

/** Any entity's descriptor, for code that works on every kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schemas differ per entity
export type AnyEntity<K extends RecordKind = RecordKind> = EntityDescriptor<K, any, any>;

/** The owner (or another user field) must be a member of the workspace. */
export const memberRef = (member: UserId | null | undefined, field = 'ownerId'): Reference => ({
  member,
  field,
});

/** A live record of `kind` in the workspace, named by `field`. */
export const recordRef = (kind: RecordKind, id: Id | null | undefined, field: string): Reference => ({
  kind,
  id,
  field,
});
