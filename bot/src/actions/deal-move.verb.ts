import { LOST } from '@crm/shared';
import { getRecord } from '@crm/shared/application';
import { z } from 'zod';
import { freshDealCard, moveDealReply } from '../replies/deal-replies';
import { asCard, verb } from './verb';
import { DealRef, optionalText } from './verb-data';

/**
 * `deal.move`: the stage picked on a deal card (or in a pick list). A card made from an older version
 * whose deal is not where this press wants it shows the deal as it is now instead. Lost without a
 * reason only asks for one.
 */
export const dealMoveVerb = verb({
  schema: DealRef.extend({
    stage: z.string().min(1).max(100),
    version: z.string().optional(),
    lostReason: optionalText,
  }),
  run: async (ctx, { dealId, stage, version, lostReason }) => {
    const deal = await getRecord(ctx.app, ctx.caller, ctx.workspace.record.id, 'opportunity', dealId);
    if (!deal.ok) return deal;
    if (version && version !== deal.value.version && deal.value.record.stage !== stage) {
      return freshDealCard(ctx, dealId, ctx.localized.t('card.changed'));
    }
    return asCard(await moveDealReply(ctx, deal.value, stage, lostReason));
  },
  writes: ({ stage, lostReason }) => stage !== LOST || Boolean(lostReason),
});
