import type { ConversationAddress } from '@crm/shared';

/** The language of the conversation an address was taken from (a Bot Framework reference's `locale`). */
export function localeOf(address: ConversationAddress | undefined): string | undefined {
  const locale = (address as { locale?: unknown } | undefined)?.locale;
  return typeof locale === 'string' ? locale : undefined;
}
