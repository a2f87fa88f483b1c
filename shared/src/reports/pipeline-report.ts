import type { Opportunity } from '../opportunity/opportunity';
import type { StageConfig, StageId } from '../opportunity/stage';
import { openStages } from '../opportunity/stages';
import { totalsByCurrency, type DealTotalsByCurrency } from './deal-totals';

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

/** The open pipeline by stage and currency. Weighted amounts use each deal's own probability. */
export function pipelineReport(opportunities: readonly Opportunity[], stages: StageConfig): PipelineReport {
  const open = openStages(stages);
  const rows = open.map((stage) => ({
    stage: stage.id,
    ...(stage.label ? { label: stage.label } : {}),
    byCurrency: totalsByCurrency(opportunities.filter((o) => o.stage === stage.id)),
  }));
  const openIds = new Set(open.map((s) => s.id));
  return { stages: rows, totals: totalsByCurrency(opportunities.filter((o) => openIds.has(o.stage))) };
}
