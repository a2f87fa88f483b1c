import type { Result } from '@crm/shared';
import type { ChatMessage } from '../chat/chat-message';
import type { MessageKey } from '../messages/locales/en';
import type { BotReply } from '../replies/bot-reply';
import type { ReplyContext } from '../replies/reply-context';

/** What a command runs with: who asks, in which workspace, in which language, and the rest of the line. */
export type CommandContext = ReplyContext & {
  readonly message: ChatMessage;
  /** The words after the command, trimmed; undefined when there are none. */
  readonly args: string | undefined;
};

/**
 * One command of the bot: adding one is one exported spec, its entry in the registry, and its texts.
 * `help` is its line in the help text (and, in English, the manifest's description).
 */
export type CommandSpec = {
  readonly name: string;
  /** Other words for it (the languages we speak), one or two words each, lower case. */
  readonly aliases?: readonly string[];
  readonly help: MessageKey;
  /** The manifest's short description (≤ 128 characters); Teams lists at most 10 commands, so not every one is there. */
  readonly manifest?: MessageKey;
  /** Which of the manifest's lists names it: personal chats' or teams' and group chats' (absent: both). */
  readonly listedIn?: 'personal' | 'team';
  /**
   * Its answer shows the workspace's records (names, amounts...): it is answered only where everyone
   * reading the conversation is a member (`Audience.open`), elsewhere it says to ask in a personal chat.
   */
  readonly showsRecords: boolean;
  /** It is about the one asking (their day): answered in their personal chat only. */
  readonly personalOnly?: boolean;
  readonly run: (ctx: CommandContext) => Promise<Result<BotReply>>;
};
