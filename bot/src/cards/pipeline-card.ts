import type { PipelineReport, StageConfig } from '@crm/shared';
import type { Localized } from '../messages/translator';
import { adaptiveCard, facts, note, title, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatMoney } from './money';
import { stageLabel } from './stage-label';

/** The open pipeline, one section per currency (amounts in different currencies are never added). */
export function pipelineCard(
  { t, locale }: Localized,
  heading: string,
  report: PipelineReport,
  stages: StageConfig,
): AdaptiveCard {
  const currencies = Object.keys(report.totals).sort();
  if (currencies.length === 0) return adaptiveCard([title(heading), note(t('pipeline.empty'))]);
  const row = (totals: { count: number; amount: number; weightedAmount: number }, currency: string) =>
    t('pipeline.row', {
      count: totals.count,
      amount: formatMoney(totals.amount, currency, locale),
      weighted: formatMoney(totals.weightedAmount, currency, locale),
    });
  const sections = currencies.map((currency): CardElement => {
    const total = report.totals[currency];
    const rows = report.stages.map((stage): [string, string | undefined] => {
      const totals = stage.byCurrency[currency];
      return [stageLabel(t, stages, stage.stage, stage.label), totals ? row(totals, currency) : undefined];
    });
    return {
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: currency, weight: 'Bolder', wrap: true },
        facts([...rows, [t('pipeline.total'), total ? row(total, currency) : undefined]]),
      ],
    };
  });
  return adaptiveCard([title(heading), ...sections]);
}
