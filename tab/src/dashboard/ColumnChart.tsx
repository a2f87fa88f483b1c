import { useChartStyles } from './charts.styles';

export type Column = {
  /** Under the column (a month: "Dec"); `group` under that when it changes ("2026"). */
  readonly label: string;
  readonly group?: string;
  readonly value: number;
  /** The value as it reads above the column. */
  readonly text: string;
  /** The whole label, on hover ("December 2026"). */
  readonly title: string;
};

export type ColumnChartProps = { readonly columns: readonly Column[] };

/**
 * Columns side by side across the whole plot (each column a share of its width, so a few months fill
 * it as well as many), each with its value above it and its label below, short enough to never
 * touch the next. Hidden from assistive tech: the card's numbers table says the same.
 */
export function ColumnChart({ columns }: ColumnChartProps) {
  const styles = useChartStyles();
  const high = Math.max(0, ...columns.map((c) => c.value)) || 1;
  return (
    <div
      className={styles.columns}
      aria-hidden
      style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}
    >
      {columns.map((column, i) => (
        <div key={i} className={styles.column} title={column.title}>
          <span className={styles.columnValue} title={column.text}>
            {column.value > 0 ? column.text : ''}
          </span>
          <span className={styles.columnTrack}>
            <span className={styles.columnBar} style={{ height: `${(column.value / high) * 100}%` }} />
          </span>
          <span className={styles.columnLabel} title={column.title}>
            {column.label}
          </span>
          <span className={styles.columnGroup} title={column.title}>
            {column.group ?? ''}
          </span>
        </div>
      ))}
    </div>
  );
}
