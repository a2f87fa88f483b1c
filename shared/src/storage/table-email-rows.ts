import type { TransactionAction } from '@azure/data-tables';
import { unescapeKeyPart } from './table-email-index';
import { statusOf } from './table-errors';

/**
 * A lead's email row is keyed by the email alone (`eml|lead|<email>`), written in the lead's own
 * transaction: two leads with one email cannot both commit, whoever writes them (two imports, two
 * people). These read a failed transaction for what the email rows say about it.
 */
const LEAD_EMAIL = 'eml|lead|';

/** The operation a failed transaction names first in its message (`"3:The specified entity…"`). */
export function failedIndex(error: unknown): number | undefined {
  const message = typeof error === 'object' && error !== null ? String((error as Error).message) : '';
  const m = /^(\d+):/.exec(message);
  return m ? Number(m[1]) : undefined;
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
export function emailTaken(error: unknown, actions: readonly TransactionAction[]): string | undefined {
  const i = failedIndex(error);
  const action = i === undefined ? undefined : actions[i];
  if (statusOf(error) !== 409 || action?.[0] !== 'create') return undefined;
  return uniqueEmailOf(rowKeyOf(action));
}

/**
 * A lead written before emails were unique has its email row as `eml|lead|<email>|<id>`: when a
 * transaction fails (404) deleting the lead's `eml|lead|<email>`, the same transaction is tried
 * deleting the older row instead; when that one is missing too, without it. Undefined when the
 * failure was anything else. `id` is the lead's (from the plan).
 */
export function withOlderEmailRow(
  error: unknown,
  actions: readonly TransactionAction[],
): { readonly actions: TransactionAction[]; readonly removed?: number } | undefined {
  const i = failedIndex(error);
  const action = i === undefined ? undefined : actions[i];
  if (statusOf(error) !== 404 || i === undefined || action?.[0] !== 'delete') return undefined;
  const rowKey = rowKeyOf(action);
  if (!rowKey.startsWith(LEAD_EMAIL)) return undefined;
  const entity = action[1] as { partitionKey: string; rowKey: string; id?: string };
  const next = [...actions];
  if (uniqueEmailOf(rowKey) !== undefined && entity.id) {
    next[i] = ['delete', { partitionKey: entity.partitionKey, rowKey: `${rowKey}|${entity.id}` }];
    return { actions: next };
  }
  next.splice(i, 1);
  return { actions: next, removed: i };
}
