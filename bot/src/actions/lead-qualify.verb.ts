import { getRecord } from '@crm/shared/application';
import { z } from 'zod';
import { qualifyReply } from '../replies/qualify-reply';
import { verb } from './verb';
import { IdempotencyKey, keyRenamed, LeadRef } from './verb-data';

/** `lead.qualify`: the qualify card; refreshing it keeps its key, so its submit still converts once. */
export const leadQualifyVerb = verb({
  schema: z.preprocess(keyRenamed, LeadRef.extend({ idempotencyKey: IdempotencyKey.optional() })),
  run: async (ctx, { leadId, idempotencyKey }) => {
    const lead = await getRecord(ctx.app, ctx.caller, ctx.workspace.record.id, 'lead', leadId);
    return lead.ok ? qualifyReply(ctx, lead.value, undefined, idempotencyKey) : lead;
  },
});
