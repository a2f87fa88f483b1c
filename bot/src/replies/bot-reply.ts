import type { AdaptiveCard } from '../cards/adaptive-card';

/** What the bot answers with; the Teams module turns it into an activity. */
export type BotReply =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'card'; readonly card: AdaptiveCard; readonly summary: string };

export const textReply = (text: string): BotReply => ({ kind: 'text', text });
export const cardReply = (card: AdaptiveCard, summary: string): BotReply => ({ kind: 'card', card, summary });
