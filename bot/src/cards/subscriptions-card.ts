import type { BrokenSubscription, SubscribedChannel, Topic } from '@crm/shared';
import type { Localized } from '../messages/translator';
import { adaptiveCard, line, note, table, title, type AdaptiveCard, type CardElement } from './adaptive-card';

export type SubscriptionsCardInput = {
  readonly workspace: string;
  /** The channel asked in, when asked in one. */
  readonly here?: { readonly topics: readonly Topic[]; readonly broken?: BrokenSubscription };
  /** Every channel of the workspace (owners). */
  readonly channels?: readonly SubscribedChannel[];
};

const topicList = ({ t }: Localized, topics: readonly Topic[]): string =>
  topics.length === 0 ? t('subscribe.nothing') : topics.map((topic) => t(`topic.${topic}`)).join(', ');

const warning = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  weight: 'Bolder',
  color: 'Warning',
});

/**
 * `subscriptions`: what this channel hears about, or that Teams refuses the bot's posts here (since
 * when, and what to do); for owners, every channel of the workspace with its topics, the broken ones
 * marked, and what mends them (the bot added to the team again and `subscribe` there, or the
 * subscription removed in Settings).
 */
export function subscriptionsCard(localized: Localized, input: SubscriptionsCardInput): AdaptiveCard {
  const { t, locale } = localized;
  const day = (at: string) =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(at));
  const here = input.here;
  const channels = input.channels ?? [];
  const channelName = (c: SubscribedChannel) =>
    [c.teamName, c.general ? t('subscriptions.general') : (c.channelName ?? c.conversationId)]
      .filter(Boolean)
      .join(' › ');
  return adaptiveCard([
    title(t('subscriptions.title', { workspace: input.workspace })),
    ...(here
      ? [
          here.broken
            ? warning(t('subscriptions.hereBroken', { date: day(here.broken.at) }))
            : line(t('subscribe.now', { topics: topicList(localized, here.topics) })),
        ]
      : []),
    ...(channels.length > 0
      ? [
          line(t('subscriptions.channels')),
          ...table(
            [t('subscriptions.channel'), t('subscriptions.topics'), t('subscriptions.state')],
            channels.map((c) => [
              channelName(c),
              topicList(localized, c.topics),
              c.broken ? t('subscriptions.broken', { date: day(c.broken.at) }) : t('subscriptions.working'),
            ]),
            [3, 3, 3],
          ),
          ...(channels.some((c) => c.broken) ? [note(t('subscriptions.mend'))] : []),
        ]
      : input.channels && !here
        ? [note(t('subscriptions.none'))]
        : []),
  ]);
}
