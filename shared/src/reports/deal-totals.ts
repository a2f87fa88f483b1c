import type { Currency } from '../common/types';
import type { Opportunity } from '../opportunity/opportunity';
import { amountOf, amountUnits, entriesUnder, weightedOf, type FigureValues } from './figures';

/** Deals of one currency: how many, their amount and their amount weighted by each deal's probability. */
export type DealTotals = { readonly count: number; readonly amount: number; readonly weightedAmount: number };

export type DealTotalsByCurrency = Readonly<Record<Currency, DealTotals>>;

/** Counters `currency → n/a/w` as figures keep them (figure-contributions.ts). */
export type TotalsUnits = { count: bigint; amount: bigint; weighted: bigint };

/** Adds the counters found under `prefix` (… currency, n|a|w) into `into`, per currency. */
export function addTotalsUnder(
  into: Map<Currency, TotalsUnits>,
  values: FigureValues | undefined,
  ...prefix: string[]
): Map<Currency, TotalsUnits> {
  for (const [[currency, field], value] of entriesUnder(values, ...prefix)) {
    if (currency === undefined) continue;
    const t = into.get(currency) ?? { count: 0n, amount: 0n, weighted: 0n };
    if (field === 'n') t.count += value;
    else if (field === 'a') t.amount += value;
    else if (field === 'w') t.weighted += value;
    into.set(currency, t);
  }
  return into;
}

export const totalsOf = (t: TotalsUnits): DealTotals => ({
  count: Number(t.count),
  amount: amountOf(t.amount),
  weightedAmount: weightedOf(t.weighted),
});

/** Per currency, the currencies in the order they were first met; deals counted zero are left out. */
export function totalsByCurrencyOf(units: ReadonlyMap<Currency, TotalsUnits>): DealTotalsByCurrency {
  const out: Record<Currency, DealTotals> = {};
  for (const [currency, t] of units) if (t.count !== 0n) out[currency] = totalsOf(t);
  return out;
}

/** A stage's deals per currency (of one owner when given), from the `deal` figure row. */
export const stageTotals = (
  deal: FigureValues | undefined,
  stage: string,
  owner?: string,
): DealTotalsByCurrency =>
  totalsByCurrencyOf(
    owner === undefined
      ? addTotalsUnder(new Map(), deal, 's', stage)
      : addTotalsUnder(new Map(), deal, 'o', owner, stage),
  );

/** Totals of some deals per currency, counted in the figures' units (so both always agree). */
export function totalsByCurrency(deals: readonly Opportunity[]): DealTotalsByCurrency {
  const units = new Map<Currency, TotalsUnits>();
  for (const deal of deals) {
    const t = units.get(deal.currency) ?? { count: 0n, amount: 0n, weighted: 0n };
    const amount = amountUnits(deal.amount);
    t.count += 1n;
    t.amount += amount;
    t.weighted += amount * BigInt(deal.probability);
    units.set(deal.currency, t);
  }
  return totalsByCurrencyOf(units);
}
