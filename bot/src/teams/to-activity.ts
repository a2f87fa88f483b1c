import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { BotReply } from '../replies/bot-reply';

/** A reply as a Bot Framework activity: Teams markdown text, or an Adaptive Card with a summary. */
export function toActivity(reply: BotReply): Partial<Activity> {
  switch (reply.kind) {
    case 'text':
      return { ...MessageFactory.text(reply.text), textFormat: 'markdown' };
    case 'card':
      return { ...MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)), summary: reply.summary };
    default: {
      const _exhaustive: never = reply;
      return _exhaustive;
    }
  }
}
