import * as z from 'zod';
import type { Audit, Id, Instant, UserId, WorkspaceId } from './types';

/** What a pure rule needs to create a record: its fresh id, where, who and when. */
export type CreateContext = {
  readonly id: Id;
  readonly workspaceId: WorkspaceId;
  readonly actor: UserId;
  readonly now: Instant;
};

/** What a pure rule needs to change a record. */
export type ChangeContext = { readonly actor: UserId; readonly now: Instant };

export const newAudit = (ctx: ChangeContext): Audit => ({
  createdAt: ctx.now,
  createdBy: ctx.actor,
  updatedAt: ctx.now,
  updatedBy: ctx.actor,
});

export const touched = <T extends Audit>(record: T, ctx: ChangeContext): T => ({
  ...record,
  updatedAt: ctx.now,
  updatedBy: ctx.actor,
});

/** A partial update: an absent key leaves the field as it is, `null` clears an optional field. */
export type Patch<T> = { readonly [K in keyof T]?: T[K] | null };

/** Applies `patch` to `current`; `changed` is false when every patched value was already there. */
export function applyPatch<T extends object>(current: T, patch: Patch<T>): { record: T; changed: boolean } {
  const next = { ...current } as Record<string, unknown>;
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) {
      if (key in next) changed = true;
      delete next[key];
    } else if (next[key] !== value) {
      changed = true;
      next[key] = value;
    }
  }
  return { record: next as T, changed };
}

/** Drops keys whose value is undefined, so records never carry `key: undefined` into storage. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Optional text in a create input. Forms send '' for an empty field: blank means absent, and the
 * value is trimmed before `inner` checks it (so its messages, e.g. "Invalid email", reach the user).
 */
export const absentIfBlank = <S extends z.ZodType<unknown, string>>(inner: S) =>
  z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(inner.optional())
    .optional();

/** Optional text in a patch: absent leaves the field, `null` or blank clears it. */
export const clearIfBlank = <S extends z.ZodType<unknown, string>>(inner: S) =>
  z
    .string()
    .trim()
    .nullable()
    .transform((s) => (s === '' || s === null ? null : s))
    .pipe(inner.nullable())
    .optional();
