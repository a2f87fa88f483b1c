import { Text } from '@fluentui/react-components';
import type { DealTotalsByCurrency } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { usePipelineBoardStyles } from './PipelineBoard.styles';

export type DealTotalsListProps = {
  readonly totals: DealTotalsByCurrency;
  readonly className: string;
  /** Each line says how many deals it counts (always in the summary; a column only with several currencies). */
  readonly counts: 'always' | 'several';
};

/**
 * Totals per currency, a line each (never added across currencies): the amount, the weighted amount
 * and, where it helps, how many deals. Currencies in alphabetical order.
 */
export function DealTotalsList({ totals, className, counts }: DealTotalsListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = usePipelineBoardStyles();
  const lines = Object.entries(totals).sort(([a], [b]) => a.localeCompare(b));
  if (lines.length === 0) return null;
  const withCount = counts === 'always' || lines.length > 1;
  return (
    <ul className={className} aria-label={t('pipeline.totalsLabel')}>
      {lines.map(([currency, total]) => (
        <li key={currency}>
          <Text size={200}>
            <Text size={200} weight="semibold">
              {format.money(total.amount, currency)}
            </Text>{' '}
            <span className={styles.muted}>
              · {t('pipeline.weighted', { amount: format.money(total.weightedAmount, currency) })}
              {withCount &&
                ` · ${t('pipeline.dealCount', { count: total.count, number: format.number(total.count) })}`}
            </span>
          </Text>
        </li>
      ))}
    </ul>
  );
}
