import type { TableClient } from '@azure/data-tables';
import type { WorkspaceId } from '../common/types';
import type { EmailEntry } from '../application/ports';
import { emailPrefix, isKeySafeId, prefixRange } from './record-keys';
import { pagesOf, rangeFilter } from './table-queries';

/** Reverses `keyPart`: `%hh` back to the character it stands for. */
export const unescapeKeyPart = (part: string): string =>
  part.replace(/%([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The email rows of a kind in key order: a contact's `eml|contact|<email>|<id>` (both in the key:
 * escaped emails and ids hold no `|`), a lead's `eml|lead|<email>` with the id in a column (and, for
 * leads written before emails were unique, `eml|lead|<email>|<id>`, read alike).
 */
export async function* listEmails(
  client: TableClient,
  ws: WorkspaceId,
  kind: 'lead' | 'contact',
): AsyncGenerator<EmailEntry> {
  if (!isKeySafeId(ws)) return;
  const prefix = emailPrefix(kind, '').slice(0, -1);
  const filter = rangeFilter(ws, prefixRange(prefix));
  for await (const page of pagesOf(client, filter, { select: ['RowKey', 'id'] })) {
    for (const row of page.rows) {
      const entry = emailEntryOf(prefix, String(row.rowKey ?? ''), row.id);
      if (entry) yield entry;
    }
  }
}

/** The email and id an email row stands for, in either key form. */
export function emailEntryOf(prefix: string, rowKey: string, idColumn: unknown): EmailEntry | undefined {
  const rest = rowKey.slice(prefix.length);
  const cut = rest.lastIndexOf('|');
  if (cut > 0) return { email: unescapeKeyPart(rest.slice(0, cut)), id: rest.slice(cut + 1) };
  return rest && typeof idColumn === 'string' ? { email: unescapeKeyPart(rest), id: idColumn } : undefined;
}
