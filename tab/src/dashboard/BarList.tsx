import { mergeClasses } from '@fluentui/react-components';
import { useChartStyles } from './charts.styles';

/** One bar: its label, its value (the bar's length) and how the value reads. */
export type BarRow = {
  readonly label: string;
  readonly value: number;
  /** A part of the value drawn inside the bar (a pipeline's weighted amount). */
  readonly inner?: number;
  readonly text: string;
};

export type BarListProps = { readonly rows: readonly BarRow[] };

/**
 * Horizontal bars, one per row: its label on the left (cut with an ellipsis, whole on hover), the bar
 * as long as its share of the largest, the value on the right. Labels of any length never collide,
 * and bars use the plot's whole width. Negative values (a campaign's ROI) grow left of a zero line.
 * The picture is hidden from assistive tech: the card's numbers table says the same.
 */
export function BarList({ rows }: BarListProps) {
  const styles = useChartStyles();
  const low = Math.min(0, ...rows.map((r) => r.value));
  const high = Math.max(0, ...rows.map((r) => r.value));
  const span = high - low || 1;
  const zero = (-low / span) * 100;
  const pct = (value: number) => `${(Math.abs(value) / span) * 100}%`;
  return (
    <div className={styles.bars} aria-hidden>
      {rows.map((row, i) => (
        <div key={i} className={styles.barRow}>
          <span className={styles.barLabel} title={row.label}>
            {row.label}
          </span>
          <span className={styles.track}>
            {low < 0 && <span className={styles.zero} style={{ left: `${zero}%` }} />}
            {row.value !== 0 && (
              <span
                className={mergeClasses(styles.bar, row.value < 0 && styles.negative)}
                style={{
                  width: pct(row.value),
                  left: row.value < 0 ? `${zero - (Math.abs(row.value) / span) * 100}%` : `${zero}%`,
                }}
              >
                {row.inner !== undefined && row.value > 0 && (
                  <span className={styles.inner} style={{ width: `${(row.inner / row.value) * 100}%` }} />
                )}
              </span>
            )}
          </span>
          <span className={styles.barValue} title={row.text}>
            {row.text}
          </span>
        </div>
      ))}
    </div>
  );
}
