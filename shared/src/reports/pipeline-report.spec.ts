import { DEFAULT_STAGES, type StageConfig } from '../opportunity/stage';
import { anOpportunity } from '../testing/builders';
import { pipelineReport } from './pipeline-report';

const deal = (stage: string, amount: number | undefined, probability: number, currency = 'EUR') =>
  anOpportunity({ stage, amount, probability, currency });

describe('pipelineReport', () => {
  it('given deals in several stages and currencies, then totals per open stage and currency, never mixed', () => {
    const report = pipelineReport(
      [
        deal('proposal', 1000, 75),
        deal('proposal', 0.1, 50),
        deal('proposal', 0.2, 50),
        deal('proposal', 2000, 75, 'NOK'),
        // A hand-set probability weighs with its own value, not the stage's.
        deal('negotiation', 1000, 30),
        deal('negotiation', undefined, 90),
        deal('closed-won', 5000, 100),
        deal('closed-lost', 5000, 0),
      ],
      DEFAULT_STAGES,
    );
    expect(report.stages.map((r) => r.stage)).toEqual([
      'prospecting',
      'qualification',
      'needs-analysis',
      'value-proposition',
      'proposal',
      'negotiation',
    ]);
    const byStage = Object.fromEntries(report.stages.map((r) => [r.stage, r.byCurrency]));
    expect(byStage).toMatchObject({
      prospecting: {},
      proposal: {
        EUR: { count: 3, amount: 1000.3, weightedAmount: 750.15 },
        NOK: { count: 1, amount: 2000, weightedAmount: 1500 },
      },
      negotiation: { EUR: { count: 2, amount: 1000, weightedAmount: 300 } },
    });
    expect(report.totals).toEqual({
      EUR: { count: 5, amount: 2000.3, weightedAmount: 1050.15 },
      NOK: { count: 1, amount: 2000, weightedAmount: 1500 },
    });
  });

  it('given a workspace with its own stages, then rows follow its order and labels', () => {
    const stages: StageConfig = [
      { id: 'demo', label: 'Demo', probability: 40, forecastCategory: 'pipeline', kind: 'open' },
      { id: 'intro', probability: 10, forecastCategory: 'pipeline', kind: 'open' },
      ...DEFAULT_STAGES.filter((s) => s.kind !== 'open'),
    ];
    const report = pipelineReport([deal('intro', 100, 10)], stages);
    expect(report.stages).toEqual([
      { stage: 'demo', label: 'Demo', byCurrency: {} },
      { stage: 'intro', byCurrency: { EUR: { count: 1, amount: 100, weightedAmount: 10 } } },
    ]);
  });
});
