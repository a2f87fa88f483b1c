import { Subtitle1, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextTable, type TextRows } from '../records/TextTable';
import { useDashboardStyles } from './DashboardView.styles';

export type ChartCardProps = {
  readonly id: string;
  readonly title: string;
  readonly numbers: TextRows;
  /** The picture; screen readers also get the numbers table. */
  readonly children?: ReactNode;
  /** Show the table itself instead of a chart (stale deals, a list by nature). */
  readonly tableVisible?: boolean;
};

/** One dashboard tile: a heading, the chart, and its numbers for screen readers. */
export function ChartCard({ id, title, numbers, children, tableVisible }: ChartCardProps) {
  const { t } = useTranslation();
  const styles = useDashboardStyles();
  const empty = numbers.rows.length === 0;
  return (
    <section className={styles.card} aria-labelledby={id}>
      <Subtitle1 as="h3" id={id}>
        {title}
      </Subtitle1>
      {empty ? (
        <Text>{t('dashboard.noData')}</Text>
      ) : (
        <>
          {children && <div className={styles.chart}>{children}</div>}
          <TextTable
            label={t('dashboard.numbers', { title })}
            numbers={numbers}
            {...(tableVisible ? {} : { className: styles.visuallyHidden })}
          />
        </>
      )}
    </section>
  );
}
