import type { TableClient } from '@azure/data-tables';
import type { WorkspaceId } from '../common/types';
import type { EmailEntry } from '../application/ports';
import { emailPrefix, isKeySafeId, prefixRange } from './record-keys';
import { pagesOf, rangeFilter } from './table-queries';

/** Reverses `keyPart`: `%hh` back to the character it stands for. */
export const unescapeKeyPart = (part: string): string =>
  part.replace(/%([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * `eml|<kind>|<email>|<id>` rows in key order: the email and the id are both in the RowKey (the id
 * holds no `|`), so only keys are read.
 */
export async function* listEmails(
  client: TableClient,
  ws: WorkspaceId,
  kind: 'lead' | 'contact',
): AsyncGenerator<EmailEntry> {
  if (!isKeySafeId(ws)) return;
  const prefix = emailPrefix(kind, '').slice(0, -1);
  const filter = rangeFilter(ws, prefixRange(prefix));
  for await (const page of pagesOf(client, filter, { select: ['RowKey'] })) {
    for (const row of page.rows) {
      const rest = (row.rowKey ?? '').slice(prefix.length);
      const cut = rest.lastIndexOf('|');
      if (cut > 0) yield { email: unescapeKeyPart(rest.slice(0, cut)), id: rest.slice(cut + 1) };
    }
  }
}
