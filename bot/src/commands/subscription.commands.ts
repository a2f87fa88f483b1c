import { ok, type Result, type Topic } from '@crm/shared';
import { changeChannelTopics, channelSubscriptions, type ChannelRef } from '@crm/shared/application';
import { subscriptionsCard } from '../cards/subscriptions-card';
import { cardReply, textReply, type BotReply } from '../replies/bot-reply';
import type { Localized } from '../messages/translator';
import type { CommandContext, CommandSpec } from './command';

const topicList = ({ t }: Localized, topics: readonly Topic[]): string =>
  topics.length === 0 ? t('subscribe.nothing') : topics.map((topic) => t(`topic.${topic}`)).join(', ');

/** Subscriptions belong to a team's channel: in a chat the commands say so and change nothing. */
function inChannel(
  ctx: CommandContext,
  run: (channel: ChannelRef) => Promise<Result<BotReply>>,
): Promise<Result<BotReply>> {
  const conversation = ctx.message.conversation;
  if (conversation?.type !== 'channel' || !ctx.message.teamId) {
    return Promise.resolve(ok(textReply(ctx.localized.t('subscribe.channelOnly'))));
  }
  return run({ conversationId: conversation.id, address: conversation.address, teamId: ctx.message.teamId });
}

const change =
  (kind: 'subscribe' | 'unsubscribe'): CommandSpec['run'] =>
  (ctx) =>
    inChannel(ctx, async (channel) => {
      const topics = await changeChannelTopics(
        ctx.app,
        ctx.caller.actor,
        ctx.workspace.record.id,
        channel,
        kind,
        ctx.args,
      );
      if (!topics.ok) {
        if (topics.error.code === 'CHANNEL.UNKNOWN_TOPIC')
          return ok(textReply(ctx.localized.t('subscribe.usage')));
        return topics;
      }
      return ok(
        textReply(ctx.localized.t('subscribe.now', { topics: topicList(ctx.localized, topics.value) })),
      );
    });

export const subscribeCommand: CommandSpec = {
  name: 'subscribe',
  showsRecords: false,
  help: 'help.subscribe',
  manifest: 'manifest.subscribe',
  listedIn: 'team',
  run: change('subscribe'),
};

export const unsubscribeCommand: CommandSpec = {
  name: 'unsubscribe',
  showsRecords: false,
  help: 'help.unsubscribe',
  manifest: 'manifest.unsubscribe',
  listedIn: 'team',
  run: change('unsubscribe'),
};

/**
 * `subscriptions`: in a channel, what it hears about (or that Teams refuses posts there); for owners,
 * in a channel or their personal chat, every channel of the workspace, the broken ones marked with
 * what to do. A member asking outside a channel is told where to ask.
 */
export const subscriptionsCommand: CommandSpec = {
  name: 'subscriptions',
  showsRecords: false,
  help: 'help.subscriptions',
  run: async (ctx) => {
    const conversation = ctx.message.conversation;
    const inChannel = conversation?.type === 'channel' && !!ctx.message.teamId;
    if (!inChannel && conversation?.type !== 'personal')
      return ok(textReply(ctx.localized.t('subscribe.channelOnly')));
    const found = await channelSubscriptions(
      ctx.app,
      ctx.caller.actor,
      ctx.workspace.record.id,
      inChannel ? conversation.id : undefined,
    );
    if (!found.ok) return found;
    if (!found.value.here && !found.value.channels)
      return ok(textReply(ctx.localized.t('subscribe.channelOnly')));
    const workspace = ctx.workspace.record.name;
    return ok(
      cardReply(
        subscriptionsCard(ctx.localized, { workspace, ...found.value }),
        ctx.localized.t('subscriptions.title', { workspace }),
      ),
    );
  },
};
