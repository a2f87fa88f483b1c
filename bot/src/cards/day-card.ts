import type { Activity } from '@crm/shared';
import { md } from '../messages/markdown';
import type { Localized } from '../messages/translator';
import { adaptiveCard, execute, title, type AdaptiveCard, type CardElement } from './adaptive-card';

/**
 * Each section of the card lists at most this many; the rest are in My day in the tab. Two full
 * sections of 200-character subjects make a card of ~19 KB, under Teams' ~28 KB message limit (12 each
 * came to 27 KB).
 */
export const DAY_CARD_ITEMS = 8;

/** An open activity as the day card shows it: what it is about, named. */
export type DayItem = {
  readonly activity: Activity & { readonly regardingName?: string };
  readonly version: string;
};

export type DaySection = { readonly items: readonly DayItem[]; readonly more: boolean };

/** A line above the list: what a press did (`good`), or why the card shows something else (`warning`). */
export type DayNotice = { readonly text: string; readonly tone: 'good' | 'warning' };

export type DayCardInput = {
  readonly ws: string;
  /** The time zone whose "today" the card shows; its buttons snooze in it too. */
  readonly timeZone: string;
  /** When today began there (the title names that day). */
  readonly startOfToday: string;
  readonly overdue: DaySection;
  readonly today: DaySection;
  /** The heading: "Your day" for `today`, a good morning for the digest. */
  readonly heading: 'day.title' | 'digest.title';
  readonly notice?: DayNotice;
};

/**
 * A person's overdue and today's open activities (My day), each with Done, Tomorrow and Next week
 * (`Action.Execute`, answered with this card made again). It refreshes itself (`day.show`) so an old
 * card shows the day as it is now; a personal chat lists nobody in `refresh.userIds`.
 */
export function dayCard(localized: Localized, input: DayCardInput): AdaptiveCard {
  const { t } = localized;
  const { ws, timeZone } = input;
  const show = execute(t('action.refresh'), 'day.show', { ws, tz: timeZone });
  const when = dateFormat(localized, timeZone);
  const sections = [
    section(localized, t('day.overdue'), input.overdue, when.dayAndTime, ws, timeZone, 'Attention'),
    section(localized, t('day.today'), input.today, when.time, ws, timeZone, 'Accent'),
  ].flat();
  const empty = input.overdue.items.length === 0 && input.today.items.length === 0;
  return adaptiveCard(
    [
      ...(input.notice ? [noticeBlock(input.notice)] : []),
      title(t(input.heading, { date: when.day(input.startOfToday) })),
      ...(empty ? [textBlock(t('day.nothing'))] : sections),
    ],
    { refresh: { action: show } },
  );
}

function section(
  localized: Localized,
  heading: string,
  section: DaySection,
  due: (instant: string) => string,
  ws: string,
  tz: string,
  color: 'Attention' | 'Accent',
): CardElement[] {
  const { t } = localized;
  if (section.items.length === 0) return [];
  const shown = section.items.slice(0, DAY_CARD_ITEMS);
  const more = section.more || section.items.length > shown.length;
  return [
    {
      type: 'TextBlock',
      text: `${heading} · ${section.more ? `${section.items.length}+` : section.items.length}`,
      weight: 'Bolder',
      color,
      wrap: true,
    },
    ...shown.map(({ activity, version }): CardElement => {
      const data = { ws, activityId: activity.id, version, tz };
      const about = [t(`activityType.${activity.type}`), activity.regardingName, due(activity.occurredAt)];
      return {
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: `**${md(activity.subject)}**`, wrap: true },
          {
            type: 'TextBlock',
            text: about
              .filter((part): part is string => Boolean(part))
              .map(md)
              .join(' · '),
            isSubtle: true,
            size: 'Small',
            wrap: true,
            spacing: 'None',
          },
          {
            type: 'ActionSet',
            actions: [
              execute(t('action.done'), 'activity.done', data, 'positive'),
              execute(t('action.tomorrow'), 'activity.snooze', { ...data, until: 'tomorrow' }),
              execute(t('action.nextWeek'), 'activity.snooze', { ...data, until: 'next-week' }),
            ],
          },
        ],
      };
    }),
    ...(more ? [textBlock(t('day.more'), true)] : []),
  ];
}

const textBlock = (text: string, subtle = false): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...(subtle ? { isSubtle: true } : {}),
});

const noticeBlock = (notice: DayNotice): CardElement => ({
  type: 'TextBlock',
  text: notice.text,
  wrap: true,
  weight: 'Bolder',
  color: notice.tone === 'good' ? 'Good' : 'Warning',
});

/** Dates and times as the reader's language writes them, on the clock of the card's time zone. */
export function dateFormat({ locale }: Localized, timeZone: string) {
  const format = (options: Intl.DateTimeFormatOptions) => {
    const f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    return (instant: string) => f.format(new Date(instant));
  };
  return {
    day: format({ weekday: 'long', day: 'numeric', month: 'long' }),
    dayAndTime: format({
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
    }),
    time: format({ hour: 'numeric', minute: '2-digit' }),
  };
}
