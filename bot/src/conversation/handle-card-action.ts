import { z } from 'zod';
import { leadCapabilities, leadDisplayName, LOST, ok, type Result } from '@crm/shared';
import { convertLead, getRecord, getWorkspace } from '@crm/shared/application';
import { adaptiveCard, execute, line, note, refreshFor, type AdaptiveCard } from '../cards/adaptive-card';
import { dealCard } from '../cards/deal-card';
import { leadCard } from '../cards/lead-card';
import { NEW_RECORD } from '../cards/qualify-card';
import type { CommandContext } from '../commands/command';
import { disqualifyOne } from '../commands/lead.commands';
import { moveDeal } from '../commands/move.command';
import { qualifyReply } from '../commands/qualify-reply';
import type { Localized } from '../messages/translator';
import type { CardAction, CardAnswer } from './bot-handlers';
import { audienceOf, conversationKind, viewersOf } from './audience';
import type { BotReply } from './chat-message';
import { actorOf, answer, handleMessage, type ConversationDeps } from './handle-message';

type ActionContext = Pick<CommandContext, 'app' | 'caller' | 'workspace' | 'localized' | 'viewers'>;

const Ws = z.object({ ws: z.string().min(1).max(256) });
const LeadRef = Ws.extend({ leadId: z.string().min(1).max(256) });
const DealRef = Ws.extend({ dealId: z.string().min(1).max(256) });
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional();
const optionalText = z.string().trim().max(1000).optional();
const Qualify = LeadRef.extend({ key: z.string().min(1).max(200).optional() });
const Convert = LeadRef.extend({
  version: z.string().min(1),
  key: z.string().min(1).max(200),
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
const Disqualify = LeadRef.extend({ reason: optionalText });
const Move = DealRef.extend({
  stage: z.string().min(1).max(100),
  version: z.string().optional(),
  lostReason: optionalText,
});
const Pick = Ws.extend({ text: z.string().max(400) });

type Verb = {
  readonly schema: z.ZodType;
  readonly run: (ctx: ActionContext, data: never) => Promise<Result<AdaptiveCard>>;
  /** Whether a press writes (its answer then becomes everyone's card); absent: it only shows. */
  readonly writes?: (data: never) => boolean;
};

/**
 * Every `Action.Execute` verb. Each handler reads the record as it is now and answers with the card
 * that replaces the pressed one: a retried, double-clicked or concurrent press changes nothing twice
 * (versions and idempotency keys in the use cases) and a stale card shows the fresh state.
 */
const VERBS: Readonly<Record<string, Verb>> = {
  'lead.show': { schema: LeadRef, run: (ctx, d: z.infer<typeof LeadRef>) => showLead(ctx, d.leadId) },
  'lead.qualify': {
    schema: Qualify,
    run: async (ctx, d: z.infer<typeof Qualify>) => {
      const lead = await getRecord(ctx.app, ctx.caller, ctx.workspace.record.id, 'lead', d.leadId);
      return lead.ok ? qualifyReply(ctx, lead.value, undefined, d.key) : lead;
    },
  },
  'lead.convert': {
    schema: Convert,
    run: (ctx, d: z.infer<typeof Convert>) => convert(ctx, d),
    writes: () => true,
  },
  'lead.disqualify': {
    schema: Disqualify,
    run: async (ctx, d: z.infer<typeof Disqualify>) =>
      asCard(await disqualifyOne(ctx, d.leadId, d.reason ?? '')),
    // Without a reason it only asks for one.
    writes: (d: z.infer<typeof Disqualify>) => Boolean(d.reason),
  },
  'deal.show': { schema: DealRef, run: (ctx, d: z.infer<typeof DealRef>) => showDeal(ctx, d.dealId) },
  'deal.move': {
    schema: Move,
    run: (ctx, d: z.infer<typeof Move>) => move(ctx, d),
    writes: (d: z.infer<typeof Move>) => d.stage !== LOST || Boolean(d.lostReason),
  },
};

export async function handleCardAction(deps: ConversationDeps, action: CardAction): Promise<CardAnswer> {
  const localized = deps.translator.forLocale(action.from.locale);
  const mine = (card: AdaptiveCard): CardAnswer => ({ card });
  const say = (text: string): CardAnswer => mine(adaptiveCard([line(text)]));
  const actor = actorOf(action.from, deps.tenantId);
  const kind = conversationKind(action.from);
  // A shared or private channel sees nothing, not even the presser's own rendering.
  if (kind === 'restrictedChannel') return say(localized.t('conversation.restrictedChannel'));
  try {
    if (action.verb === 'workspace.pick') {
      // The pick list belongs to personal chats: elsewhere the conversation decides the workspace.
      if (kind !== 'personal' || action.from.teamId) return say(localized.t('workspace.pickInPersonal'));
      const pick = Pick.safeParse(action.data);
      if (!pick.success) return say(localized.t('error.invalid'));
      const reply = await handleMessage(deps, { ...action.from, text: pick.data.text }, pick.data.ws);
      return mine(reply.kind === 'card' ? reply.card : adaptiveCard([line(reply.text)]));
    }
    const verb = VERBS[action.verb];
    const data = verb?.schema.safeParse(action.data);
    if (!verb || !data?.success) return say(localized.t('error.invalid'));
    const ws = (data.data as { ws: string }).ws;
    const workspace = actor ? await getWorkspace(deps.app, actor, ws) : undefined;
    if (!actor || !workspace) return mine(membersOnly(localized, action.data));
    if (!workspace.ok) {
      if (workspace.error.code === 'WORKSPACE.NOT_FOUND') return mine(membersOnly(localized, action.data));
      return say(answerText(deps, localized, workspace, action.verb));
    }
    const caller = { actor };
    const audience = audienceOf(deps.app, caller, ws, action.from);
    const ctx: ActionContext = {
      app: deps.app,
      caller,
      workspace: workspace.value,
      localized,
      viewers: viewersOf(audience),
    };
    const card = await verb.run(ctx, data.data as never);
    if (!card.ok) return say(answerText(deps, localized, card, action.verb));
    if (!(verb.writes?.(data.data as never) ?? false)) return mine(card.value);
    // The press changed something: the message changes for everyone reading the conversation, with
    // the record only where all of them are members; elsewhere each member's client refreshes it.
    const everyone = await audience();
    return {
      card: card.value,
      everyone: everyone.open
        ? card.value
        : membersOnly(localized, action.data, { viewers: everyone.userIds }),
    };
  } catch (error) {
    deps.logger.error({ err: error, verb: action.verb }, 'card action failed');
    return say(localized.t('error.unexpected'));
  }
}

/**
 * A card without record data: the message's card where not everyone reading the conversation is a
 * member (`forEveryone`), and what a non-member (or someone Teams does not name) sees when their client
 * refreshes it or they press a button.
 *
 * For everyone: it refreshes itself for the members (`viewers`; undefined: everyone in a chat of up to
 * 60), each seeing their own rendering, and Show does that by hand. For a non-member: no buttons,
 * refreshed by hand only (`userIds: []`), so joining the workspace later and refreshing shows the card.
 */
function membersOnly(
  localized: Localized,
  data: Readonly<Record<string, unknown>>,
  forEveryone?: { readonly viewers: readonly string[] | undefined },
): AdaptiveCard {
  const { t } = localized;
  const ws = typeof data.ws === 'string' ? data.ws : '';
  const show =
    typeof data.dealId === 'string'
      ? execute(t('action.refresh'), 'deal.show', { ws, dealId: data.dealId })
      : typeof data.leadId === 'string'
        ? execute(t('action.refresh'), 'lead.show', { ws, leadId: data.leadId })
        : undefined;
  const body = [note(t('card.membersOnly'))];
  if (!show) return adaptiveCard(body);
  if (!forEveryone) return adaptiveCard(body, { refresh: { action: show, userIds: [] } });
  return adaptiveCard(body, {
    actions: [{ ...show, title: t('action.show') }],
    refresh: { action: show, ...refreshFor(forEveryone.viewers) },
  });
}

function answerText(
  deps: ConversationDeps,
  localized: Localized,
  result: Result<unknown> & { ok: false },
  verb: string,
): string {
  const reply = answer(deps, localized, result, { verb });
  return reply.kind === 'text' ? reply.text : '';
}

async function showLead(ctx: ActionContext, leadId: string, notice?: string): Promise<Result<AdaptiveCard>> {
  const lead = await getRecord(ctx.app, ctx.caller, ctx.workspace.record.id, 'lead', leadId);
  if (!lead.ok) return lead;
  return ok(
    leadCard(ctx.localized, {
      ws: ctx.workspace.record.id,
      lead: lead.value.record,
      viewers: await ctx.viewers(),
      ...(notice ? { notice } : {}),
    }),
  );
}

async function showDeal(ctx: ActionContext, dealId: string, notice?: string): Promise<Result<AdaptiveCard>> {
  const deal = await getRecord(ctx.app, ctx.caller, ctx.workspace.record.id, 'opportunity', dealId);
  if (!deal.ok) return deal;
  return ok(
    dealCard(ctx.localized, {
      ws: ctx.workspace.record.id,
      deal: deal.value.record,
      version: deal.value.version,
      stages: ctx.workspace.record.settings.stages,
      viewers: await ctx.viewers(),
      ...(notice ? { notice } : {}),
    }),
  );
}

async function move(ctx: ActionContext, d: z.infer<typeof Move>): Promise<Result<AdaptiveCard>> {
  const deal = await getRecord(ctx.app, ctx.caller, ctx.workspace.record.id, 'opportunity', d.dealId);
  if (!deal.ok) return deal;
  const { t } = ctx.localized;
  // The card was made from an older version and the deal is not where this press wants it: say so.
  if (d.version && d.version !== deal.value.version && deal.value.record.stage !== d.stage) {
    return showDeal(ctx, d.dealId, t('card.changed'));
  }
  return asCard(await moveDeal(ctx, deal.value, d.stage, d.lostReason));
}

/**
 * Converts with the card's checklist and key in one use case call (the checklist commits with the
 * conversion): a second press replays the first conversion; a conversion by someone else, or a lead
 * changed since the card was made, shows the lead as it is now.
 */
async function convert(ctx: ActionContext, d: z.infer<typeof Convert>): Promise<Result<AdaptiveCard>> {
  const ws = ctx.workspace.record.id;
  const { t } = ctx.localized;
  const lead = await getRecord(ctx.app, ctx.caller, ws, 'lead', d.leadId);
  if (!lead.ok) return lead;
  const record = lead.value.record;
  const checklist = { budget: d.budget, authority: d.authority, need: d.need, timeline: d.timeline };
  const wanted = Object.fromEntries(Object.entries(checklist).filter(([, v]) => v !== undefined));
  const open = leadCapabilities(record).convert;
  const differs = Object.entries(wanted).some(
    ([c, v]) => record.qualification[c as keyof typeof checklist] !== v,
  );
  // Someone else changed the lead since this card was made: show them what it is now.
  if (open && differs && lead.value.version !== d.version) {
    return qualifyReply(ctx, lead.value, t('card.changed'));
  }
  const caller = { ...ctx.caller, idempotencyKey: d.key };
  const input = {
    ...conversionInput(d),
    ...(Object.keys(wanted).length > 0 ? { qualification: wanted } : {}),
  };
  const done = await convertLead(ctx.app, caller, ws, d.leadId, input);
  // This card's key converted it (a retry, a double click): the same answer. Anyone else: the fresh lead.
  if (done.ok) return showLead(ctx, d.leadId, t('qualify.done', { name: leadDisplayName(record) }));
  if (CHANGED_MEANWHILE.has(done.error.code)) return showLead(ctx, d.leadId, t('card.changed'));
  return done;
}

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

function conversionInput(d: z.infer<typeof Convert>) {
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

function asCard(result: Result<BotReply>): Result<AdaptiveCard> {
  if (!result.ok) return result;
  const reply = result.value;
  return ok(
    reply.kind === 'card' ? reply.card : adaptiveCard([line(reply.kind === 'text' ? reply.text : '')]),
  );
}
