import { Button, Subtitle2, Text, mergeClasses } from '@fluentui/react-components';
import { useDroppable } from '@dnd-kit/core';
import type { DealTotalsByCurrency, Stage } from '@crm/shared';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './pipeline-format';
import { usePipelineBoardStyles } from './PipelineBoard.styles';
import type { Deal } from './useBoardMoves';

export type PipelineColumnProps = {
  readonly stage: Stage;
  readonly name: string;
  readonly deals: readonly Deal[];
  /** Every deal of the stage and their totals per currency, from the server's figures. */
  readonly count: number;
  readonly totals: DealTotalsByCurrency;
  /** Loads the column's next deals; absent when every deal is shown. */
  readonly onMore?: () => void;
  readonly loadingMore?: boolean;
  readonly renderCard: (deal: Deal) => ReactNode;
};

/**
 * A stage: its name, how many deals, their totals per currency (never added across currencies, all
 * from the server), the cards loaded so far and a button for more.
 */
export function PipelineColumn({
  stage,
  name,
  deals,
  count,
  totals: byCurrency,
  onMore,
  loadingMore,
  renderCard,
}: PipelineColumnProps) {
  const { t, i18n } = useTranslation();
  const styles = usePipelineBoardStyles();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const headingId = `stage-${stage.id}`;
  const totals = Object.entries(byCurrency).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section
      aria-labelledby={headingId}
      className={mergeClasses(styles.column, isOver && styles.dropTarget)}
      data-stage={stage.id}
      data-drop-target={isOver || undefined}
      ref={setNodeRef}
    >
      <div className={styles.columnHeader}>
        <Subtitle2 as="h3" id={headingId}>
          {name}
        </Subtitle2>
        <Text size={200}>{t('pipeline.deals', { count })}</Text>
        {totals.length > 0 && (
          <ul className={styles.totals} aria-label={t('pipeline.totalsLabel')}>
            {totals.map(([currency, total]) => (
              <li key={currency}>
                <Text size={200}>
                  {formatMoney(total.amount, currency, i18n.language)}{' '}
                  <span className={styles.muted}>
                    (
                    {t('pipeline.weighted', {
                      amount: formatMoney(total.weightedAmount, currency, i18n.language),
                    })}
                    )
                  </span>
                </Text>
              </li>
            ))}
          </ul>
        )}
      </div>
      {deals.length === 0 ? (
        <Text size={200} className={styles.muted}>
          {t('pipeline.noDeals')}
        </Text>
      ) : (
        <ul className={styles.cards} aria-label={name}>
          {deals.map(renderCard)}
        </ul>
      )}
      {onMore && (
        <Button appearance="subtle" size="small" onClick={onMore} disabled={loadingMore}>
          {t('pipeline.more', { shown: deals.length, count })}
        </Button>
      )}
    </section>
  );
}
