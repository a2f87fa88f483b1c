import { isStorageBusy, type Result } from '@crm/shared';
import { getWorkspace } from '@crm/shared/application';
import { z } from 'zod';
import { Ws } from '../actions/verb-data';
import { CARD_VERBS } from '../actions/verbs';
import { adaptiveCard, execute, line, note, refreshFor, type AdaptiveCard } from '../cards/adaptive-card';
import type { CardAction, CardAnswer } from '../chat/bot-handlers';
import type { Localized } from '../messages/translator';
import { audienceOf, conversationKind, viewersOf } from './audience';
import { actorOf, answer, handleMessage, type ConversationDeps } from './handle-message';

const Pick = Ws.extend({ text: z.string().max(400) });

/**
 * A press of an `Action.Execute` button: the verb (actions/verbs.ts) reads its data, runs in the
 * workspace the data names when the presser is a member, and answers with the card that replaces the
 * pressed one; a press that wrote also becomes everyone's card.
 */
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
    const press = CARD_VERBS.get(action.verb)?.read(action.data);
    if (!press) return say(localized.t('error.invalid'));
    // A card of someone's own day shows and changes their things: in their personal chat only.
    if (press.personalOnly && (kind !== 'personal' || action.from.teamId)) {
      return say(localized.t('day.personalOnly'));
    }
    const { ws } = press;
    const workspace = actor ? await getWorkspace(deps.app, actor, ws) : undefined;
    if (!actor || !workspace) return mine(membersOnly(localized, action.data));
    if (!workspace.ok) {
      if (workspace.error.code === 'WORKSPACE.NOT_FOUND') return mine(membersOnly(localized, action.data));
      return say(answerText(deps, localized, workspace, action.verb));
    }
    const caller = { actor };
    const audience = audienceOf(deps.app, caller, ws, action.from);
    const card = await press.run({
      app: deps.app,
      caller,
      workspace: workspace.value,
      localized,
      viewers: viewersOf(audience),
      links: deps.links,
    });
    if (!card.ok) return say(answerText(deps, localized, card, action.verb));
    if (!press.writes) return mine(card.value);
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
    // Answered (after retries) by the handlers' busy wrapper: `busy-storage.ts`.
    if (isStorageBusy(error)) throw error;
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
