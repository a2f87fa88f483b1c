import { leadDisplayName, ok, type Lead, type Result } from '@crm/shared';
import { leadCard } from '../cards/lead-card';
import { pickCard } from '../cards/pick-card';
import { cardReply, textReply, type BotReply } from '../replies/bot-reply';
import { disqualifyReply } from '../replies/lead-replies';
import { qualifyReply } from '../replies/qualify-reply';
import type { CommandContext, CommandSpec } from './command';
import { findLead, type Found } from './find-records';

/** At most this many leading words of `disqualify <name> <reason>` are tried as the name. */
const MAX_NAME_WORDS = 6;

const pick = (
  ctx: CommandContext,
  verb: string,
  found: {
    items: readonly { record: { id: string; firstName?: string; lastName: string; company?: string } }[];
    more: boolean;
  },
  extra: Record<string, unknown> = {},
): BotReply => {
  const { t } = ctx.localized;
  const heading = t('pick.lead', { search: ctx.args ?? '' });
  const items = found.items.map((i) => ({
    label: [leadDisplayName(i.record), i.record.company].filter(Boolean).join(' · '),
    verb,
    data: { ws: ctx.workspace.record.id, leadId: i.record.id, ...extra },
  }));
  return cardReply(pickCard(ctx.localized, heading, items, found.more), heading);
};

type OneLead = Extract<Found<Lead>, { kind: 'one' }>['item'];

/** `<command> <name|email>`: usage when empty, "none", a pick list when several match, else `one`. */
async function withOneLead(
  ctx: CommandContext,
  usage: 'lead.usage' | 'qualify.usage',
  verb: string,
  one: (item: OneLead) => Promise<Result<BotReply>>,
): Promise<Result<BotReply>> {
  const { t } = ctx.localized;
  if (!ctx.args) return ok(textReply(t(usage)));
  const found = await findLead(ctx, ctx.args);
  if (!found.ok) return found;
  switch (found.value.kind) {
    case 'none':
      return ok(textReply(t('lead.none', { search: ctx.args })));
    case 'many':
      return ok(pick(ctx, verb, found.value));
    case 'one':
      return one(found.value.item);
  }
}

export const leadCommand: CommandSpec = {
  name: 'lead',
  showsRecords: true,
  help: 'help.lead',
  manifest: 'manifest.lead',
  run: (ctx) =>
    withOneLead(ctx, 'lead.usage', 'lead.show', async ({ record: lead }) => {
      const viewers = await ctx.viewers();
      const card = leadCard(ctx.localized, { ws: ctx.workspace.record.id, lead, viewers, links: ctx.links });
      return ok(cardReply(card, leadDisplayName(lead)));
    }),
};

export const qualifyCommand: CommandSpec = {
  name: 'qualify',
  showsRecords: true,
  help: 'help.qualify',
  manifest: 'manifest.qualify',
  run: (ctx) =>
    withOneLead(ctx, 'qualify.usage', 'lead.qualify', async (item) => {
      const card = await qualifyReply(ctx, item);
      const title = ctx.localized.t('qualify.title', { name: leadDisplayName(item.record) });
      return card.ok ? ok(cardReply(card.value, title)) : card;
    }),
};

export const disqualifyCommand: CommandSpec = {
  name: 'disqualify',
  showsRecords: true,
  help: 'help.disqualify',
  manifest: 'manifest.disqualify',
  async run(ctx) {
    const { t } = ctx.localized;
    if (!ctx.args) return ok(textReply(t('disqualify.usage')));
    const words = ctx.args.split(' ');
    // The name is the longest run of leading words that finds a lead; the rest is the reason.
    for (let n = Math.min(words.length, MAX_NAME_WORDS); n >= 1; n--) {
      const found = await findLead(ctx, words.slice(0, n).join(' '));
      if (!found.ok) return found;
      if (found.value.kind === 'none') continue;
      const reason = words.slice(n).join(' ').trim();
      if (found.value.kind === 'many')
        return ok(pick(ctx, 'lead.disqualify', found.value, reason ? { reason } : {}));
      return disqualifyReply(ctx, found.value.item.record.id, reason);
    }
    return ok(textReply(t('lead.none', { search: ctx.args })));
  },
};
