import { disqualifyReply } from '../replies/lead-replies';
import { asCard, verb } from './verb';
import { LeadRef, optionalText } from './verb-data';

/** `lead.disqualify`: with a reason it disqualifies; without one it only asks for it. */
export const leadDisqualifyVerb = verb({
  schema: LeadRef.extend({ reason: optionalText }),
  run: async (ctx, { leadId, reason }) => asCard(await disqualifyReply(ctx, leadId, reason ?? '')),
  writes: ({ reason }) => Boolean(reason),
});
