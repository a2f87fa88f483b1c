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
};

/** Numbers, money and dates the way the user's language writes them (1.234,50 € in nl, R$ in pt-BR). */
export function formatFor(language: string): Format {
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
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
  };
}

export function useFormat(): Format {
  const { i18n } = useTranslation();
  return useMemo(() => formatFor(i18n.language), [i18n.language]);
}
