import { isStorageBusy } from '@crm/shared';
import { DEFAULT_BUSY_RETRY, retryWhenBusy, type BusyRetryPolicy } from '@crm/shared/application';
import { adaptiveCard, line } from '../cards/adaptive-card';
import type { BotHandlers } from '../chat/bot-handlers';
import { textReply } from '../replies/bot-reply';
import type { ConversationDeps } from './handle-message';

/**
 * The handlers, backing off when storage is busy instead of failing or piling on: a handler storage
 * refused is run again (`retryWhenBusy`: what storage asked for, else backoff with jitter, a few tries
 * within 8 s, before Teams re-sends the activity); still busy — or a write whose answer was lost, which
 * only the card's own Idempotency-Key may repeat — the person reads "busy, try again in a few seconds"
 * in their language, a compose search finds nothing, and a team event fails (Teams sends it again).
 */
export function backingOffWhenBusy(
  deps: Pick<ConversationDeps, 'translator' | 'logger'>,
  handlers: BotHandlers,
  policy: BusyRetryPolicy = DEFAULT_BUSY_RETRY,
): BotHandlers {
  const time = {
    random: Math.random,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    nowMs: Date.now,
  };
  const busyText = (locale: string | undefined, error: unknown) => {
    deps.logger.warn({ err: error }, 'storage busy: the person is asked to try again');
    return deps.translator.forLocale(locale).t('error.busy');
  };
  const answering = async <T>(work: () => Promise<T>, busy: (error: unknown) => T): Promise<T> => {
    try {
      return await retryWhenBusy(work, policy, time);
    } catch (error) {
      if (isStorageBusy(error)) return busy(error);
      throw error;
    }
  };
  return {
    onMessage: (message) =>
      answering(
        () => handlers.onMessage(message),
        (error) => textReply(busyText(message.locale, error)),
      ),
    onCardAction: (action) =>
      answering(
        () => handlers.onCardAction(action),
        (error) => ({ card: adaptiveCard([line(busyText(action.from.locale, error))]) }),
      ),
    onCompose: (query) =>
      answering(
        () => handlers.onCompose(query),
        () => [],
      ),
    onMessageAction: (action) =>
      answering(
        () => handlers.onMessageAction(action),
        (error) => ({ kind: 'say', text: busyText(action.from.locale, error) }),
      ),
    onTeamEvent: (event) => retryWhenBusy(() => handlers.onTeamEvent(event), policy, time),
  };
}
