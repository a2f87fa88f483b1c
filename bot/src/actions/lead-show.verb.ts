import { freshLeadCard } from '../replies/lead-replies';
import { verb } from './verb';
import { LeadRef } from './verb-data';

/** `lead.show`: the lead as it is now (a card's refresh, and Show). */
export const leadShowVerb = verb({
  schema: LeadRef,
  run: (ctx, { leadId }) => freshLeadCard(ctx, leadId),
});
