import { Subtitle2, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextTable, type TextRows } from '../records/TextTable';
import { useDashboardStyles } from './DashboardView.styles';

export type ChartCardProps = {
  readonly id: string;
  readonly title: string;
  /** What the figures cover ("This month"), under the title. */
  readonly note?: string;
  readonly numbers: TextRows;
  /** The picture; screen readers get the numbers table instead. */
  readonly children?: ReactNode;
};

/** One chart: a heading, the picture, and its numbers in a table for screen readers. */
export function ChartCard({ id, title, note, numbers, children }: ChartCardProps) {
  const { t } = useTranslation();
  const styles = useDashboardStyles();
  const empty = numbers.rows.length === 0;
  return (
    <section className={styles.card} aria-labelledby={id}>
      <div className={styles.cardHeading}>
        <Subtitle2 as="h3" id={id}>
          {title}
        </Subtitle2>
        {note && (
          <Text size={200} className={styles.note}>
            {note}
          </Text>
        )}
      </div>
      {empty ? (
        <Text className={styles.note}>{t('dashboard.noData')}</Text>
      ) : (
        <>
          {children}
          <div className={styles.visuallyHidden} data-sr-only>
            <TextTable label={t('dashboard.numbers', { title })} numbers={numbers} />
          </div>
        </>
      )}
    </section>
  );
}
