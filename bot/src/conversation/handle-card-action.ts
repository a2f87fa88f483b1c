import { z } from 'zod';
import { leadDisplayName, LOST, ok, type Result } from '@crm/shared';
import { convertLead, getRecord, getWorkspace, updateLead } from '@crm/shared/application';
import { adaptiveCard, execute, line, note, type AdaptiveCard } from '../cards/adaptive-card';
import { dealCard } from '../cards/deal-card';
import { leadCard } from '../cards/lead-card';
import type { CommandContext } from '../commands/command';
import { disqualifyOne } from '../commands/lead.commands';
import { moveDeal } from '../commands/move.command';
import { qualifyReply } from '../commands/qualify-reply';
import type { Localized } from '../messages/translator';
import type { CardAction, CardAnswer } from './bot-handlers';
import { cardViewers } from './card-viewers';
import type { BotReply } from './chat-message';
import { actorOf, answer, handleMessage, type ConversationDeps } from './handle-message';

type ActionContext = Pick<CommandContext, 'app' | 'caller' | 'workspace' | 'localized' | 'viewers'>;

const Ws = z.object({ ws: z.string().min(1).max(256) });
const LeadRef = Ws.extend({ leadId: z.string().min(1).max(256) });
const DealRef = Ws.extend({ dealId: z.string().min(1).max(256) });
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional();
const optionalText = z.string().trim().max(1000).optional();
const IdempotencyKey = z.string().min(1).max(200);
/**
 * The qualify card carries its Idempotency-Key as `idempotencyKey`. Cards posted before carry it as
 * `key`, a name the Agents Playground's card renderer reserves: pressing such a button fails there.
 */
const keyRenamed = (data: unknown): unknown => {
  if (typeof data !== 'object' || data === null || !('key' in data) || 'idempotencyKey' in data) return data;
  const { key, ...rest } = data as Record<string, unknown>;
  return { ...rest, idempotencyKey: key };
};
const Qualify = z.preprocess(keyRenamed, LeadRef.extend({ idempotencyKey: IdempotencyKey.optional() }));
const ConvertData = LeadRef.extend({
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
const Convert = z.preprocess(keyRenamed, ConvertData);
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
      return lead.ok ? qualifyReply(ctx, lead.value, undefined, d.idempotencyKey) : lead;
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
  const mine = (card: AdaptiveCard): CardAnswer => ({ card, forEveryone: false });
  const say = (text: string): CardAnswer => mine(adaptiveCard([line(text)]));
  const actor = actorOf(action.from, deps.tenantId);
  try {
    if (action.verb === 'workspace.pick') {
      const pick = Pick.safeParse(action.data);
      if (!pick.success) return say(localized.t('error.invalid'));
      return mine(await pickWorkspace(deps, action, pick.data));
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
    const ctx: ActionContext = {
      app: deps.app,
      caller,
      workspace: workspace.value,
      localized,
      viewers: cardViewers(deps.app, caller, ws, action.from),
    };
    const card = await verb.run(ctx, data.data as never);
    if (card.ok) return { card: card.value, forEveryone: verb.writes?.(data.data as never) ?? false };
    return say(answerText(deps, localized, card, action.verb));
  } catch (error) {
    deps.logger.error({ err: error, verb: action.verb }, 'card action failed');
    return say(localized.t('error.unexpected'));
  }
}

/**
 * What someone who is not a member of the card's workspace (or whom Teams does not name) sees when
 * their client refreshes it or they press a button: no record data and no actions. Its refresh is
 * manual only (`userIds: []`), so joining the workspace later and refreshing shows the real card.
 */
function membersOnly(localized: Localized, data: Readonly<Record<string, unknown>>): AdaptiveCard {
  const { t } = localized;
  const ws = typeof data.ws === 'string' ? data.ws : '';
  const show =
    typeof data.dealId === 'string'
      ? execute(t('action.refresh'), 'deal.show', { ws, dealId: data.dealId })
      : typeof data.leadId === 'string'
        ? execute(t('action.refresh'), 'lead.show', { ws, leadId: data.leadId })
        : undefined;
  return adaptiveCard([note(t('card.membersOnly'))], show ? { refresh: { action: show, userIds: [] } } : {});
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

/** The personal-chat pick list: run the command the user typed in the workspace they chose. */
async function pickWorkspace(
  deps: ConversationDeps,
  action: CardAction,
  pick: z.infer<typeof Pick>,
): Promise<AdaptiveCard> {
  const actor = actorOf(action.from, deps.tenantId);
  const localized = deps.translator.forLocale(action.from.locale);
  const workspace = actor ? await getWorkspace(deps.app, actor, pick.ws) : undefined;
  if (!workspace?.ok) return adaptiveCard([line(localized.t('error.notFound'))]);
  // Answered as if the chat belonged to that workspace's team.
  const reply = await handleMessage(deps, {
    ...action.from,
    text: pick.text,
    ...(workspace.value.record.teamId ? { teamId: workspace.value.record.teamId } : {}),
  });
  return reply.kind === 'card' ? reply.card : adaptiveCard([line(reply.text)]);
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
 * Saves the checklist (when it changed) and converts with the card's key: a second press replays the
 * first conversion; a conversion by someone else shows the converted lead.
 */
async function convert(ctx: ActionContext, d: z.infer<typeof Convert>): Promise<Result<AdaptiveCard>> {
  const ws = ctx.workspace.record.id;
  const { t } = ctx.localized;
  const caller = { ...ctx.caller, idempotencyKey: d.idempotencyKey };
  const input = conversionInput(d);
  const checklist = { budget: d.budget, authority: d.authority, need: d.need, timeline: d.timeline };
  const wanted = Object.fromEntries(Object.entries(checklist).filter(([, v]) => v !== undefined));
  for (let attempt = 0; attempt < 3; attempt++) {
    const lead = await getRecord(ctx.app, ctx.caller, ws, 'lead', d.leadId);
    if (!lead.ok) return lead;
    const record = lead.value.record;
    const converted = () => showLead(ctx, d.leadId, t('qualify.done', { name: leadDisplayName(record) }));
    if (record.status === 'closed-converted' || record.status === 'closed-not-converted') {
      // This card's key converted it (a retry, a double click): the same answer. Anyone else: the fresh lead.
      const replay = await convertLead(ctx.app, caller, ws, d.leadId, input);
      return replay.ok ? converted() : showLead(ctx, d.leadId, t('card.changed'));
    }
    const differs = Object.entries(wanted).some(
      ([c, v]) => record.qualification[c as keyof typeof checklist] !== v,
    );
    if (differs) {
      // Someone else changed the lead since this card was made: show them what it is now.
      if (lead.value.version !== d.version) return qualifyReply(ctx, lead.value, t('card.changed'));
      const saved = await updateLead(ctx.app, ctx.caller, ws, d.leadId, lead.value.version, {
        qualification: wanted,
      });
      if (!saved.ok && saved.error.code === 'CONCURRENCY.STALE') continue;
      if (!saved.ok) return saved;
    }
    const done = await convertLead(ctx.app, caller, ws, d.leadId, input);
    if (done.ok) return converted();
    if (done.error.code !== 'LEAD.ALREADY_CONVERTED' && done.error.code !== 'CONCURRENCY.STALE') return done;
  }
  return showLead(ctx, d.leadId, t('card.changed'));
}

function conversionInput(d: z.infer<typeof Convert>) {
  const amount = d.amount === undefined || d.amount === '' ? undefined : Number(d.amount);
  return {
    ...(d.organisationId ? { organisationId: d.organisationId } : {}),
    ...(d.contactId ? { contactId: d.contactId } : {}),
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
