import { leadCapabilities, ok, type Lead, type Result, type Versioned } from '@crm/shared';
import { conversionMatches } from '@crm/shared/application';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { leadCard } from '../cards/lead-card';
import { qualifyCard } from '../cards/qualify-card';
import type { ReplyContext } from './reply-context';

const optionalId = (name: string, id: string | undefined) => (id ? { [name]: id } : {});

/**
 * The qualify card for a lead, with the duplicates the matches use case suggests; a lead that is no
 * longer convertible shows itself instead. The card's key makes its submit convert once.
 */
export async function qualifyReply(
  ctx: ReplyContext,
  lead: Versioned<Lead>,
  notice?: string,
  /** The key of the card being refreshed; a new card gets a new one. */
  key?: string,
): Promise<Result<AdaptiveCard>> {
  const ws = ctx.workspace.record.id;
  const { t } = ctx.localized;
  const record = lead.record;
  const viewers = await ctx.viewers();
  if (!leadCapabilities(record).convert) {
    return ok(
      leadCard(ctx.localized, {
        ws,
        lead: record,
        notice: t('qualify.notOpen'),
        viewers,
        links: ctx.links,
      }),
    );
  }
  const matches = await conversionMatches(ctx.app, ctx.caller, ws, record.id);
  if (!matches.ok) return matches;
  return ok(
    qualifyCard(ctx.localized, {
      ws,
      lead: record,
      version: lead.version,
      key: key ?? `bot-convert-${ctx.app.ids.newId()}`,
      organisations: matches.value.organisations.map((o) => o.record.record),
      contacts: matches.value.contacts.map((c) => c.record.record),
      // A strong match is selected, as in the tab's dialog: creating a duplicate is a deliberate choice.
      suggested: {
        ...optionalId(
          'organisationId',
          matches.value.organisations.find((o) => o.suggested)?.record.record.id,
        ),
        ...optionalId('contactId', matches.value.contacts.find((c) => c.suggested)?.record.record.id),
      },
      currency: ctx.workspace.record.settings.defaultCurrency,
      today: ctx.app.clock.now().slice(0, 10),
      ...(notice ? { notice } : {}),
      viewers,
    }),
  );
}
