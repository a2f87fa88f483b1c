import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type Format = {
  readonly number: (value: number) => string;
  readonly percent: (ratio: number) => string;
  readonly money: (amount: number, currency: string) => string;
  /** Short, for charts and tiles: "€48K", "NOK 1.2M". */
  readonly compactMoney: (amount: number, currency: string) => string;
  /** `YYYY-MM-DD` as a calendar date (no time zone shift). */
  readonly date: (isoDate: string) => string;
  readonly dateTime: (instant: string) => string;
  /** The time of day of an instant: "4:30 PM", "16:30". */
  readonly time: (instant: string) => string;
  /**
   * When something is due, short, for a card or a list cell (Pipedrive's way): "Today", "Tomorrow",
   * "3 days overdue", "12 Dec" ("12 Dec 2027" in another year), by the reader's calendar days.
   * Where room allows, the whole `dateTime` goes in a title.
   */
  readonly due: (instant: string, now: number) => string;
  /**
   * The day of an instant, short, whichever side of now: "Yesterday", "Today", "Tomorrow", "28 Oct"
   * ("28 Oct 2025" in another year) — `due` without its "overdue".
   */
  readonly day: (instant: string, now: number) => string;
};

const DAY_MS = 86_400_000;

/** Whole calendar days from `now` to `instant` in the reader's time zone (negative: past). */
const daysFrom = (now: Date, instant: Date): number =>
  Math.round(
    (Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate()) -
      Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) /
      DAY_MS,
  );

/**
 * Numbers, money and dates the way the user's language writes them (1.234,50 € in nl, R$ in pt-BR);
 * `t` of the same language words what Intl has no form for ("3 days overdue").
 */
export function formatFor(language: string, t: TFunction): Format {
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
  const dayMonth = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
  const dayMonthYear = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric' });
  // "today", "i morgen", "amanhã": Intl's own words, the first letter raised as a label starts.
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const label = (text: string) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
  const day = (instant: Date, now: number) => {
    const today = new Date(now);
    const days = daysFrom(today, instant);
    if (Math.abs(days) <= 1) return label(relative.format(days, 'day'));
    return (instant.getFullYear() === today.getFullYear() ? dayMonth : dayMonthYear).format(instant);
  };
  return {
    number: (value) => number.format(value),
    percent: (ratio) => percent.format(ratio),
    money: (amount, currency) => {
      try {
        return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
      } catch {
        return `${number.format(amount)} ${currency}`;
      }
    },
    compactMoney: (amount, currency) => {
      const compact = { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } as const;
      try {
        return new Intl.NumberFormat(language, { style: 'currency', currency, ...compact }).format(amount);
      } catch {
        return `${new Intl.NumberFormat(language, compact).format(amount)} ${currency}`;
      }
    },
    date: (isoDate) => {
      const parsed = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? isoDate : date.format(parsed);
    },
    dateTime: (instant) => {
      const parsed = new Date(instant);
      return Number.isNaN(parsed.getTime()) ? instant : dateTime.format(parsed);
    },
    time: (instant) => {
      const parsed = new Date(instant);
      return Number.isNaN(parsed.getTime()) ? instant : time.format(parsed);
    },
    due: (instant, now) => {
      const parsed = new Date(instant);
      if (Number.isNaN(parsed.getTime())) return instant;
      const days = daysFrom(new Date(now), parsed);
      return days < 0 ? t('due.overdue', { count: -days }) : day(parsed, now);
    },
    day: (instant, now) => {
      const parsed = new Date(instant);
      return Number.isNaN(parsed.getTime()) ? instant : day(parsed, now);
    },
  };
}

export function useFormat(): Format {
  const { i18n, t } = useTranslation();
  return useMemo(() => formatFor(i18n.language, t), [i18n.language, t]);
}
