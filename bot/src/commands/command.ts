import type { Result } from '@crm/shared';
import type { AppDeps, Caller, WorkspaceView } from '@crm/shared/application';
import type { Viewers } from '../conversation/audience';
import type { BotReply, ChatMessage } from '../conversation/chat-message';
import type { MessageKey } from '../messages/locales/en';
import type { Localized } from '../messages/translator';

/** What a command runs with: who asks, in which workspace, in which language, and the rest of the line. */
export type CommandContext = {
  readonly app: AppDeps;
  readonly caller: Caller;
  readonly workspace: WorkspaceView;
  readonly localized: Localized;
  readonly message: ChatMessage;
  /** The words after the command, trimmed; undefined when there are none. */
  readonly args: string | undefined;
  /** Who the cards this command posts refresh themselves for (`refresh.userIds`). */
  readonly viewers: Viewers;
};

/**
 * One command of the bot: adding one is one entry in the registry plus its texts. `help` is its line
 * in the help text (and, in English, the manifest's description).
 */
export type CommandSpec = {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly help: MessageKey;
  /** The manifest's short description (≤ 128 characters); Teams lists at most 10 commands, so not every one is there. */
  readonly manifest?: MessageKey;
  /**
   * Its answer shows the workspace's records (names, amounts...): it is answered only where everyone
   * reading the conversation is a member (`Audience.open`), elsewhere it says to ask in a personal chat.
   */
  readonly showsRecords: boolean;
  readonly run: (ctx: CommandContext) => Promise<Result<BotReply>>;
};
