import { leadCapabilities, leadDisplayName } from '@crm/shared';
import { convertLead, getRecord } from '@crm/shared/application';
import { z } from 'zod';
import { NEW_RECORD } from '../cards/qualify-card';
import { freshLeadCard } from '../replies/lead-replies';
import { qualifyReply } from '../replies/qualify-reply';
import { verb } from './verb';
import { flag, IdempotencyKey, keyRenamed, LeadRef, optionalText } from './verb-data';

const ConvertFields = LeadRef.extend({
  version: z.string().min(1),
  idempotencyKey: IdempotencyKey,
  budget: flag,
  authority: flag,
  need: flag,
  timeline: flag,
  organisationId: optionalText,
  contactId: optionalText,
  createOpportunity: flag,
  amount: z.union([z.number(), z.string()]).optional(),
  currency: optionalText,
  closeDate: optionalText,
});
const Convert = z.preprocess(keyRenamed, ConvertFields);
type ConvertData = z.output<typeof Convert>;

/**
 * `lead.convert`, the qualify card's submit: converts with the card's checklist and key in one use
 * case call (the checklist commits with the conversion). A second press replays the first conversion;
 * a conversion by someone else, or a lead changed since the card was made, shows the lead as it is now.
 */
export const leadConvertVerb = verb({
  schema: Convert,
  writes: () => true,
  run: async (ctx, d) => {
    const ws = ctx.workspace.record.id;
    const { t } = ctx.localized;
    const lead = await getRecord(ctx.app, ctx.caller, ws, 'lead', d.leadId);
    if (!lead.ok) return lead;
    const record = lead.value.record;
    const checklist = { budget: d.budget, authority: d.authority, need: d.need, timeline: d.timeline };
    const wanted = Object.fromEntries(Object.entries(checklist).filter(([, v]) => v !== undefined));
    const differs = Object.entries(wanted).some(
      ([c, v]) => record.qualification[c as keyof typeof checklist] !== v,
    );
    // Someone else changed the lead since this card was made: show them what it is now.
    if (leadCapabilities(record).convert && differs && lead.value.version !== d.version) {
      return qualifyReply(ctx, lead.value, t('card.changed'));
    }
    const caller = { ...ctx.caller, idempotencyKey: d.idempotencyKey };
    const input = {
      ...conversionInput(d),
      ...(Object.keys(wanted).length > 0 ? { qualification: wanted } : {}),
    };
    const done = await convertLead(ctx.app, caller, ws, d.leadId, input);
    // This card's key converted it (a retry, a double click): the same answer. Anyone else: the fresh lead.
    if (done.ok) return freshLeadCard(ctx, d.leadId, t('qualify.done', { name: leadDisplayName(record) }));
    if (CHANGED_MEANWHILE.has(done.error.code)) return freshLeadCard(ctx, d.leadId, t('card.changed'));
    return done;
  },
});

/** An existing record picked in the qualify card (not "create a new one", not left empty). */
const chosen = (id: string | undefined): id is string => Boolean(id) && id !== NEW_RECORD;

/**
 * A conversion that finds the lead converted (by someone else, or by this card with another
 * checklist), disqualified, or changed under it on every try: the card is out of date.
 */
const CHANGED_MEANWHILE: ReadonlySet<string> = new Set([
  'LEAD.ALREADY_CONVERTED',
  'LEAD.INVALID_TRANSITION',
  'IDEMPOTENCY.KEY_REUSED',
  'CONCURRENCY.STALE',
]);

function conversionInput(d: ConvertData) {
  const amount = d.amount === undefined || d.amount === '' ? undefined : Number(d.amount);
  return {
    ...(chosen(d.organisationId) ? { organisationId: d.organisationId } : {}),
    ...(chosen(d.contactId) ? { contactId: d.contactId } : {}),
    createOpportunity: d.createOpportunity ?? true,
    ...(d.createOpportunity === false
      ? {}
      : {
          opportunity: {
            ...(amount !== undefined && Number.isFinite(amount) ? { amount } : {}),
            ...(d.currency ? { currency: d.currency.toUpperCase() } : {}),
            ...(d.closeDate ? { closeDate: d.closeDate } : {}),
          },
        }),
  };
}
