import type { Lead } from '../lead/lead';
import type { Opportunity } from '../opportunity/opportunity';
import { LOST, WON } from '../opportunity/stage';
import { isClosedStageId } from '../opportunity/stages';
import { addFigures, amountUnits, FigureBuilder, type FigureSet } from './figures';

/**
 * Which counters a record adds to its workspace's figures. Rows (the storage keeps each as one
 * entity, `fig|<row>`):
 *
 * | row            | paths                                                     | read by                   |
 * | -------------- | --------------------------------------------------------- | ------------------------- |
 * | `lead`         | `src/cmp/own`, key, outcome → leads                       | conversion, campaigns      |
 * | `deal`         | `s`, stage, currency, `n/a/w`; `o`, owner, stage, currency, `n/a/w`; `c`, campaign, `n/won`, `c`, campaign, currency, `wa` | pipeline, board, campaigns |
 * | `fc|<YYYY-MM>` | stage, stored category, currency, `n/a/w` (open deals by close date, won deals by the month won) | forecast |
 * | `fc|undated`   | the same for open deals without a close date              | forecast                  |
 * | `cl|<YYYY-MM>` | day, `won/lost/cyc` (cycle: ms from creation to the win); day, `wa`, currency (amount won) | win rate, sales cycle |
 *
 * A lead counts once under its source, its campaign ('' for none) and its owner, by outcome. A deal
 * counts under its stage (every stage, closed ones too: the board's columns), under its owner and
 * stage (the board filtered to one owner), under the campaign it
 * names, in its forecast month and, once closed, on the day it closed.
 */
export const LEAD_ROW = 'lead';
export const DEAL_ROW = 'deal';
export const FORECAST_PREFIX = 'fc|';
export const FORECAST_UNDATED = 'fc|undated';
export const forecastRow = (month: string): string => `${FORECAST_PREFIX}${month}`;
export const CLOSED_PREFIX = 'cl|';
export const closedRow = (month: string): string => `${CLOSED_PREFIX}${month}`;

/** Counters of one lead. */
export function leadFigures(lead: Lead): FigureSet {
  const outcome = outcomeOf(lead);
  return new FigureBuilder()
    .add(LEAD_ROW, ['src', lead.source, outcome], 1n)
    .add(LEAD_ROW, ['cmp', lead.campaignId ?? '', outcome], 1n)
    .add(LEAD_ROW, ['own', lead.ownerId, outcome], 1n).figures;
}

/** Counters of one deal. */
export function dealFigures(deal: Opportunity): FigureSet {
  const b = new FigureBuilder();
  const amount = amountUnits(deal.amount);
  const weighted = amount * BigInt(deal.probability);
  const totals = (row: string, ...path: string[]) =>
    b
      .add(row, [...path, 'n'], 1n)
      .add(row, [...path, 'a'], amount)
      .add(row, [...path, 'w'], weighted);

  totals(DEAL_ROW, 's', deal.stage, deal.currency);
  // The board filtered to one owner: the same totals per owner and stage.
  totals(DEAL_ROW, 'o', deal.ownerId, deal.stage, deal.currency);
  if (deal.campaignId !== undefined) {
    b.add(DEAL_ROW, ['c', deal.campaignId, 'n'], 1n);
    if (deal.stage === WON) {
      b.add(DEAL_ROW, ['c', deal.campaignId, 'won'], 1n);
      b.add(DEAL_ROW, ['c', deal.campaignId, deal.currency, 'wa'], amount);
    }
  }
  const month = forecastMonth(deal);
  if (month !== undefined) totals(forecastRow(month), deal.stage, deal.forecastCategory, deal.currency);
  if (deal.closedAt !== undefined && (deal.stage === WON || deal.stage === LOST)) {
    const row = closedRow(deal.closedAt.slice(0, 7));
    const day = deal.closedAt.slice(8, 10);
    b.add(row, [day, deal.stage === WON ? 'won' : 'lost'], 1n);
    if (deal.stage === WON) {
      b.add(row, [day, 'cyc'], BigInt(Date.parse(deal.closedAt) - Date.parse(deal.createdAt)));
      b.add(row, [day, 'wa', deal.currency], amount);
    }
  }
  return b.figures;
}

/**
 * The forecast month a deal falls in: an open deal by its expected close date ('undated' without
 * one), a won deal by the month it was won; a lost deal is no expected sale.
 */
function forecastMonth(deal: Opportunity): string | undefined {
  if (deal.stage === LOST) return undefined;
  if (isClosedStageId(deal.stage)) return deal.closedAt?.slice(0, 7);
  return deal.closeDate?.slice(0, 7) ?? 'undated';
}

/** What a record of this kind contributes (kinds without figures: nothing). */
export function recordFigures(kind: string, record: object | undefined): FigureSet {
  if (record === undefined) return new Map();
  if (kind === 'lead') return leadFigures(record as Lead);
  if (kind === 'opportunity') return dealFigures(record as Opportunity);
  return new Map();
}

/**
 * What a change adds to the figures: the record's contribution after it minus before. `undefined`
 * stands for "not live" (not yet created, or deleted).
 */
export function figureDelta(kind: string, previous: object | undefined, next: object | undefined): FigureSet {
  const delta = new Map<string, Map<string, bigint>>();
  addFigures(delta, recordFigures(kind, next), 1n);
  addFigures(delta, recordFigures(kind, previous), -1n);
  return delta;
}

/** The figures of a whole workspace, counted from its live leads and deals (the rebuild, the tests). */
export function recountFigures(leads: Iterable<Lead>, deals: Iterable<Opportunity>): FigureSet {
  const all = new Map<string, Map<string, bigint>>();
  for (const lead of leads) addFigures(all, leadFigures(lead));
  for (const deal of deals) addFigures(all, dealFigures(deal));
  return all;
}

/** A lead's outcome as conversion counts it: converted, disqualified, or still open. */
export function outcomeOf(lead: Lead): 'converted' | 'disqualified' | 'open' {
  switch (lead.status) {
    case 'closed-converted':
      return 'converted';
    case 'closed-not-converted':
      return 'disqualified';
    case 'open-not-contacted':
    case 'working-contacted':
      return 'open';
    default: {
      const _exhaustive: never = lead;
      return _exhaustive;
    }
  }
}
