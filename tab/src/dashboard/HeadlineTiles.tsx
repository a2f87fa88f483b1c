import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { useDashboardStyles } from './DashboardView.styles';
import type { Amounts, HeadlineFigures } from './headline-figures';

type TileProps = { readonly label: string; readonly children: ReactNode; readonly detail: string };

/** One headline figure: what it is, the figure (a line per currency), and what it is made of. */
function Tile({ label, children, detail }: TileProps) {
  const styles = useDashboardStyles();
  return (
    <div className={styles.tile} role="group" aria-label={label}>
      <Text size={200} className={styles.tileLabel}>
        {label}
      </Text>
      <div className={styles.tileValues}>{children}</div>
      <Text size={200} className={styles.note}>
        {detail}
      </Text>
    </div>
  );
}

export type HeadlineTilesProps = {
  readonly figures: HeadlineFigures;
  /** The period the won, win rate and cycle figures cover ("This month"); leads count all time. */
  readonly period: string;
};

/**
 * The dashboard's first row, before any chart: open pipeline and its weighted value (per currency),
 * what was won, the win rate, the average sales cycle, new leads and how many converted.
 */
export function HeadlineTiles({ figures, period }: HeadlineTilesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useDashboardStyles();
  const money = (amounts: Amounts) =>
    amounts.length === 0 ? (
      <span className={styles.tileValue}>—</span>
    ) : (
      amounts.map(({ currency, amount }) => (
        <span key={currency} className={styles.tileValue} title={format.money(amount, currency)}>
          {format.compactMoney(amount, currency)}
        </span>
      ))
    );
  const figure = (text: string) => <span className={styles.tileValue}>{text}</span>;
  return (
    <div className={styles.tiles}>
      <Tile label={t('dashboard.tile.open')} detail={t('dashboard.tile.deals', { count: figures.openDeals })}>
        {money(figures.openPipeline)}
      </Tile>
      <Tile label={t('dashboard.tile.weighted')} detail={t('dashboard.tile.weightedDetail')}>
        {money(figures.weightedPipeline)}
      </Tile>
      <Tile
        label={t('dashboard.tile.won', { period })}
        detail={t('dashboard.tile.deals', { count: figures.wonDeals })}
      >
        {money(figures.won)}
      </Tile>
      <Tile
        label={t('dashboard.tile.winRate', { period })}
        detail={t('dashboard.tile.wonLost', { won: figures.wonDeals, lost: figures.lostDeals })}
      >
        {figure(figures.winRate === null ? '—' : format.percent(figures.winRate))}
      </Tile>
      <Tile
        label={t('dashboard.tile.cycle', { period })}
        detail={t('dashboard.tile.cycleDetail', { count: figures.cycleDeals })}
      >
        {figure(
          figures.averageCycleDays === null
            ? '—'
            : t('dashboard.tile.days', {
                count: figures.averageCycleDays,
                days: format.number(figures.averageCycleDays),
              }),
        )}
      </Tile>
      <Tile
        label={t('dashboard.tile.leads', { period: t('dashboard.period.all') })}
        detail={
          figures.conversionRate === null
            ? t('dashboard.tile.noLeads')
            : t('dashboard.tile.converted', { rate: format.percent(figures.conversionRate) })
        }
      >
        {figure(format.number(figures.newLeads))}
      </Tile>
    </div>
  );
}
