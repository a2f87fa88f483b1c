import type { Opportunity } from '../opportunity/opportunity';
import type { StageConfig, StageId } from '../opportunity/stage';
import { openStages } from '../opportunity/stages';
import { addTotalsUnder, stageTotals, totalsByCurrencyOf, type DealTotalsByCurrency } from './deal-totals';
import { DEAL_ROW, recountFigures } from './figure-contributions';
import type { FigureSet } from './figures';

export type PipelineStageRow = {
  readonly stage: StageId;
  readonly label?: string;
  readonly byCurrency: DealTotalsByCurrency;
};

export type PipelineReport = {
  /** Every open stage in the workspace's order, empty ones included. */
  readonly stages: readonly PipelineStageRow[];
  /** All open stages together, per currency. */
  readonly totals: DealTotalsByCurrency;
};

/** The rows of the figures the pipeline reads. */
export const PIPELINE_FIGURES = [DEAL_ROW] as const;

/** The open pipeline by stage and currency, from the maintained figures (the `deal` row). */
export function pipelineFromFigures(figures: FigureSet, stages: StageConfig): PipelineReport {
  const deal = figures.get(DEAL_ROW);
  const open = openStages(stages);
  const rows = open.map((stage) => ({
    stage: stage.id,
    ...(stage.label ? { label: stage.label } : {}),
    byCurrency: stageTotals(deal, stage.id),
  }));
  const totals = new Map();
  for (const stage of open) addTotalsUnder(totals, deal, 's', stage.id);
  return { stages: rows, totals: totalsByCurrencyOf(totals) };
}

/** The same over records (weighted amounts use each deal's own probability). */
export const pipelineReport = (opportunities: readonly Opportunity[], stages: StageConfig): PipelineReport =>
  pipelineFromFigures(recountFigures([], opportunities), stages);
