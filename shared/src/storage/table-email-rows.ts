import type { TransactionAction } from '@azure/data-tables';
import { unescapeKeyPart } from './table-email-index';

/**
 * A lead's email row is keyed by the email alone (`eml|lead|<email>`), written in the lead's own
 * transaction: two leads with one email cannot both commit, whoever writes them (two imports, two
 * people). These read a failed transaction for what the email rows say about it.
 */
const LEAD_EMAIL = 'eml|lead|';

/** Why a transaction failed: its status and the operation it names (in the caller's numbering). */
export interface TransactionFailure {
  readonly status?: number;
  readonly failedAt?: number;
}

const rowKeyOf = (action: TransactionAction | undefined): string =>
  action ? String((action[1] as { rowKey?: unknown }).rowKey ?? '') : '';

/** `eml|lead|<email>` → the email; undefined for other keys (and a lead's older `…|<id>` form). */
function uniqueEmailOf(rowKey: string): string | undefined {
  if (!rowKey.startsWith(LEAD_EMAIL)) return undefined;
  const rest = rowKey.slice(LEAD_EMAIL.length);
  return rest && !rest.includes('|') ? unescapeKeyPart(rest) : undefined;
}

/** The email another lead already has, when that is why the transaction failed (409 on its email row). */
export function emailTaken(
  failure: TransactionFailure,
  actions: readonly TransactionAction[],
): string | undefined {
  const i = failure.failedAt;
  const action = i === undefined ? undefined : actions[i];
  if (failure.status !== 409 || action?.[0] !== 'create') return undefined;
  return uniqueEmailOf(rowKeyOf(action));
}

/**
 * A lead written before emails were unique has its email row as `eml|lead|<email>|<id>`: when a
 * transaction fails (404) deleting the lead's `eml|lead|<email>`, the same transaction is tried
 * deleting the older row instead (`actions`); when that one is missing too, without it (`missing`:
 * the position to drop, so every other action keeps its place). Undefined when the failure was
 * anything else. `id` is the lead's (from the plan).
 */
export function withOlderEmailRow(
  failure: TransactionFailure,
  actions: readonly TransactionAction[],
): { readonly actions: readonly TransactionAction[]; readonly missing?: number } | undefined {
  const i = failure.failedAt;
  const action = i === undefined ? undefined : actions[i];
  if (failure.status !== 404 || i === undefined || action?.[0] !== 'delete') return undefined;
  const rowKey = rowKeyOf(action);
  if (!rowKey.startsWith(LEAD_EMAIL)) return undefined;
  const entity = action[1] as { partitionKey: string; rowKey: string; id?: string };
  if (uniqueEmailOf(rowKey) !== undefined && entity.id) {
    const next = [...actions];
    next[i] = ['delete', { partitionKey: entity.partitionKey, rowKey: `${rowKey}|${entity.id}` }];
    return { actions: next };
  }
  return { actions, missing: i };
}
