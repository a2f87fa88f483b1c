import type { Currency } from '../common/types';

/** Amounts per currency: different currencies are never added together. */
export type AmountsByCurrency = Readonly<Record<Currency, number>>;

/**
 * Sums in major units drift in binary floating point (0.1 + 0.2); four decimals cover every
 * ISO 4217 minor unit, so totals are rounded to that.
 */
export const roundAmount = (amount: number): number => Math.round(amount * 10_000) / 10_000;

/** Adds `amount` to `currency`'s total, returning new totals. */
export function addAmount(totals: AmountsByCurrency, currency: Currency, amount: number): AmountsByCurrency {
  return { ...totals, [currency]: roundAmount((totals[currency] ?? 0) + amount) };
}

export function sumByCurrency<T>(
  items: readonly T[],
  money: (item: T) => { currency: Currency; amount: number },
): AmountsByCurrency {
  return items.reduce((totals, item) => {
    const { currency, amount } = money(item);
    return addAmount(totals, currency, amount);
  }, {} as AmountsByCurrency);
}
