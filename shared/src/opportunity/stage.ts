import type { Currency, StageId } from '../common/types';

export type { StageId };

export const FORECAST_CATEGORIES = ['pipeline', 'best-case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** The two closed stage ids are fixed. */
export const WON: StageId = 'closed-won';
export const LOST: StageId = 'closed-lost';

export type StageKind = 'open' | 'won' | 'lost';

export type Stage = {
  readonly id: StageId;
  /** Display label; when absent the client translates the id. */
  readonly label?: string;
  readonly probability: number;
  readonly forecastCategory: ForecastCategory;
  readonly kind: StageKind;
};

/** Ordered: open stages first in the workspace's order, then closed-won, then closed-lost. */
export type StageConfig = readonly Stage[];

/** What the opportunity rules need from the workspace's settings, and nothing more. */
export type PipelineSettings = {
  readonly stages: StageConfig;
  readonly defaultCurrency: Currency;
};

export const DEFAULT_STAGES: StageConfig = [
  { id: 'prospecting', probability: 10, forecastCategory: 'pipeline', kind: 'open' },
  { id: 'qualification', probability: 10, forecastCategory: 'pipeline', kind: 'open' },
  { id: 'needs-analysis', probability: 20, forecastCategory: 'pipeline', kind: 'open' },
  { id: 'value-proposition', probability: 50, forecastCategory: 'pipeline', kind: 'open' },
  { id: 'proposal', probability: 75, forecastCategory: 'best-case', kind: 'open' },
  { id: 'negotiation', probability: 90, forecastCategory: 'commit', kind: 'open' },
  { id: WON, probability: 100, forecastCategory: 'closed', kind: 'won' },
  { id: LOST, probability: 0, forecastCategory: 'omitted', kind: 'lost' },
];
