import type { ChatMessageForCrm } from '@crm/shared';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { BotReply } from '../replies/bot-reply';
import type { ChatMessage } from './chat-message';
import type { TeamEvent } from './team-event';

/** A press of an `Action.Execute` button (or a card's automatic refresh). */
export type CardAction = {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Who pressed it, where (its text is empty). */
  readonly from: ChatMessage;
};

/**
 * The card that replaces the one pressed, for the presser (Teams shows an invoke's answer to the
 * presser only); `everyone`, when the press changed something: the message's new card for everyone
 * reading the conversation (with the record only where all of them are members), whose clients then
 * refresh it to their own rendering.
 */
export type CardAnswer = { readonly card: AdaptiveCard; readonly everyone?: AdaptiveCard };

/** A compose-box search, or a pasted link to unfurl. */
export type ComposeQuery =
  | {
      readonly kind: 'search';
      readonly text: string;
      /** The manifest's `kind` parameter (Copilot fills it): `lead`, `organisation`, `contact`, `deal`. */
      readonly recordKind?: string;
      readonly from: ChatMessage;
    }
  | { readonly kind: 'link'; readonly url: string; readonly from: ChatMessage };

/** A record card to insert in the compose box, with its one-line preview and its link in the tab. */
export type ComposeResult = {
  readonly card: AdaptiveCard;
  readonly title: string;
  readonly subtitle: string;
  readonly link?: string;
};

/**
 * A message action (the "…" menu on a message): `fetch` asks for its dialog, `submit` sends the
 * dialog's inputs. `message` is the message it was invoked on.
 */
export type MessageAction = {
  readonly command: string;
  readonly step: 'fetch' | 'submit';
  readonly message: ChatMessageForCrm & { readonly id: string };
  readonly data: Readonly<Record<string, unknown>>;
  readonly from: ChatMessage;
};

/** A dialog to show, a line to say in a small dialog, or done (with a card to post where it was invoked). */
export type MessageActionAnswer =
  | { readonly kind: 'dialog'; readonly title: string; readonly card: AdaptiveCard }
  | { readonly kind: 'say'; readonly text: string }
  | { readonly kind: 'done'; readonly post?: AdaptiveCard };

/** Everything the bot does, free of the bot SDK; `teams/` calls these. */
export type BotHandlers = {
  onMessage(message: ChatMessage): Promise<BotReply>;
  /** The welcome card after an install, nothing otherwise. */
  onTeamEvent(event: TeamEvent): Promise<BotReply | undefined>;
  onCardAction(action: CardAction): Promise<CardAnswer>;
  onCompose(query: ComposeQuery): Promise<readonly ComposeResult[]>;
  onMessageAction(action: MessageAction): Promise<MessageActionAnswer>;
};
