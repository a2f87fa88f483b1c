import { Button, CounterBadge, Subtitle2, Text, mergeClasses } from '@fluentui/react-components';
import { useDroppable } from '@dnd-kit/core';
import type { DealTotalsByCurrency, Stage } from '@crm/shared';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { DealTotalsList } from './DealTotals';
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

/** What a column is to the board's collision detection (a stage column, not a drop zone). */
export const COLUMN_DROP = { kind: 'column' } as const;

/**
 * A stage: its name, how many deals, their totals per currency (never added across currencies, all
 * from the server), the cards loaded so far and a button for more.
 */
export function PipelineColumn({
  stage,
  name,
  deals,
  count,
  totals,
  onMore,
  loadingMore,
  renderCard,
}: PipelineColumnProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = usePipelineBoardStyles();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: COLUMN_DROP });
  const headingId = `stage-${stage.id}`;
  const countText = t('pipeline.dealCount', { count, number: format.number(count) });
  return (
    <section
      aria-labelledby={headingId}
      className={mergeClasses(styles.column, isOver && styles.dropTarget)}
      data-stage={stage.id}
      data-drop-target={isOver || undefined}
      ref={setNodeRef}
    >
      <div className={styles.columnHeader}>
        <div className={styles.columnTitle}>
          <Subtitle2 as="h3" id={headingId} className={styles.columnName} title={name}>
            {name}
          </Subtitle2>
          <CounterBadge
            count={count}
            showZero
            overflowCount={9999}
            appearance="ghost"
            color="informative"
            size="small"
            aria-label={countText}
            title={countText}
          />
        </div>
        {count === 0 && deals.length === 0 ? (
          <Text size={200} className={styles.muted}>
            {t('pipeline.noDeals')}
          </Text>
        ) : (
          <DealTotalsList totals={totals} className={styles.totals} counts="several" />
        )}
      </div>
      {deals.length > 0 && (
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
