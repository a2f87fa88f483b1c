import { getRecord } from '@crm/shared/application';
import { z } from 'zod';
import { qualifyReply } from '../replies/qualify-reply';
import { verb } from './verb';
import { LeadRef } from './verb-data';

/** `lead.qualify`: the qualify card; refreshing it keeps its key, so its submit still converts once. */
export const leadQualifyVerb = verb({
  schema: LeadRef.extend({ key: z.string().min(1).max(200).optional() }),
  run: async (ctx, { leadId, key }) => {
    const lead = await getRecord(ctx.app, ctx.caller, ctx.workspace.record.id, 'lead', leadId);
    return lead.ok ? qualifyReply(ctx, lead.value, undefined, key) : lead;
  },
});
