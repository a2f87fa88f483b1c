import type { AdaptiveCard } from '../cards/adaptive-card';

/** What the bot needs of an incoming chat message, free of any bot SDK type. */
export type ChatMessage = {
  readonly text: string;
  readonly locale?: string;
  /** Entra tenant and user object id; absent when the channel does not say (e.g. the Emulator). */
  readonly tenantId?: string;
  readonly userId?: string;
  readonly userName?: string;
  /** The Teams team the message was posted in (channel messages only). */
  readonly teamId?: string;
};

/** What the bot answers with; the Teams module turns it into an activity. */
export type BotReply =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'card'; readonly card: AdaptiveCard; readonly summary: string };

export const textReply = (text: string): BotReply => ({ kind: 'text', text });
