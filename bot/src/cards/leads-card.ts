import { leadDisplayName, type Lead } from '@crm/shared';
import type { Localized } from '../messages/translator';
import { adaptiveCard, note, table, title, type AdaptiveCard } from './adaptive-card';
import type { RecordLinks } from './record-links';

export type LeadsCardInput = {
  readonly heading: string;
  readonly leads: readonly Lead[];
  /** True when there were more than the card shows. */
  readonly more: boolean;
  /** The workspace listed and where its records open: each name links to its lead. */
  readonly ws?: string;
  readonly links?: RecordLinks;
};

/** Name, company and status of up to ten leads. */
export function leadsCard({ t }: Localized, input: LeadsCardInput): AdaptiveCard {
  if (input.leads.length === 0) return adaptiveCard([title(input.heading), note(t('leads.none'))]);
  const rows = input.leads.map((lead) => [
    leadDisplayName(lead),
    lead.company ?? '–',
    t(`leadStatus.${lead.status}`),
  ]);
  return adaptiveCard([
    title(input.heading),
    ...table(
      [t('column.name'), t('column.company'), t('column.status')],
      rows,
      [3, 3, 2],
      input.leads.map((lead) =>
        input.ws
          ? input.links?.open(
              { workspaceId: input.ws, kind: 'lead', recordId: lead.id },
              leadDisplayName(lead),
            )
          : undefined,
      ),
    ),
    ...(input.more ? [note(t('list.more', { count: input.leads.length }))] : []),
  ]);
}
