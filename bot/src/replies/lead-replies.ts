import { leadDisplayName, ok, type Result } from '@crm/shared';
import { disqualifyLead, getRecord } from '@crm/shared/application';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { leadCard } from '../cards/lead-card';
import { disqualifyCard } from '../cards/qualify-card';
import { cardReply, textReply, type BotReply } from './bot-reply';
import type { ReplyContext } from './reply-context';

/** The lead's card as it is now, with a notice above it (an outcome, or that the card was stale). */
export async function freshLeadCard(
  ctx: ReplyContext,
  leadId: string,
  notice?: string,
): Promise<Result<AdaptiveCard>> {
  const lead = await getRecord(ctx.app, ctx.caller, ctx.workspace.record.id, 'lead', leadId);
  if (!lead.ok) return lead;
  return ok(
    leadCard(ctx.localized, {
      ws: ctx.workspace.record.id,
      lead: lead.value.record,
      viewers: await ctx.viewers(),
      links: ctx.links,
      ...(notice ? { notice } : {}),
    }),
  );
}

/** Disqualifies with a reason, or asks for one (`disqualify <name>`, the card's Disqualify). */
export async function disqualifyReply(
  ctx: ReplyContext,
  leadId: string,
  reason: string,
): Promise<Result<BotReply>> {
  const ws = ctx.workspace.record.id;
  const { t } = ctx.localized;
  if (!reason) {
    const lead = await ctx.app.records.get(ws, 'lead', leadId);
    if (!lead) return ok(textReply(t('error.notFound')));
    return ok(
      cardReply(
        disqualifyCard(ctx.localized, ws, lead.record),
        t('disqualify.title', { name: leadDisplayName(lead.record) }),
      ),
    );
  }
  const done = await disqualifyLead(ctx.app, ctx.caller, ws, leadId, undefined, { reason });
  if (!done.ok) return done;
  const notice = t('disqualify.done');
  const viewers = await ctx.viewers();
  const card = leadCard(ctx.localized, { ws, lead: done.value.record, notice, viewers, links: ctx.links });
  return ok(cardReply(card, notice));
}
