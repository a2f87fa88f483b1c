import type { Currency } from '../common/types';
import type { Opportunity } from '../opportunity/opportunity';
import { roundAmount } from '../common/money-totals';

/** Deals of one currency: how many, their amount and their amount weighted by each deal's probability. */
export type DealTotals = { readonly count: number; readonly amount: number; readonly weightedAmount: number };

export type DealTotalsByCurrency = Readonly<Record<Currency, DealTotals>>;

const ZERO: DealTotals = { count: 0, amount: 0, weightedAmount: 0 };

/** A deal without an amount still counts; it adds nothing to the sums. */
export function addDeal(
  totals: DealTotals | undefined,
  deal: Pick<Opportunity, 'amount' | 'probability'>,
): DealTotals {
  const t = totals ?? ZERO;
  const amount = deal.amount ?? 0;
  return {
    count: t.count + 1,
    amount: roundAmount(t.amount + amount),
    weightedAmount: roundAmount(t.weightedAmount + (amount * deal.probability) / 100),
  };
}

export function totalsByCurrency(deals: readonly Opportunity[]): DealTotalsByCurrency {
  const totals: Record<Currency, DealTotals> = {};
  for (const deal of deals) totals[deal.currency] = addDeal(totals[deal.currency], deal);
  return totals;
}
