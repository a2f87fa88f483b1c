import { freshDealCard } from '../replies/deal-replies';
import { verb } from './verb';
import { DealRef } from './verb-data';

/** `deal.show`: the deal as it is now (a card's refresh, and Show). */
export const dealShowVerb = verb({
  schema: DealRef,
  run: (ctx, { dealId }) => freshDealCard(ctx, dealId),
});
