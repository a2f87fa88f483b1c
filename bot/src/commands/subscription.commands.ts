import { ok, type Result, type Topic } from '@crm/shared';
import { changeChannelTopics, channelTopics, type ChannelRef } from '@crm/shared/application';
import { textReply, type BotReply } from '../replies/bot-reply';
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

export const subscriptionsCommand: CommandSpec = {
  name: 'subscriptions',
  showsRecords: false,
  help: 'help.subscriptions',
  run: (ctx) =>
    inChannel(ctx, async (channel) => {
      const topics = await channelTopics(
        ctx.app,
        ctx.caller.actor,
        ctx.workspace.record.id,
        channel.conversationId,
      );
      if (!topics.ok) return topics;
      return ok(
        textReply(ctx.localized.t('subscribe.now', { topics: topicList(ctx.localized, topics.value) })),
      );
    }),
};
