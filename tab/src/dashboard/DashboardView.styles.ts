import { makeStyles, tokens } from '@fluentui/react-components';
import { VISUALLY_HIDDEN } from '../app/visually-hidden';
import { PIPELINE_LAYOUT } from '../pipeline/pipeline-layout';

export const useDashboardStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: `repeat(auto-fill, minmax(${PIPELINE_LAYOUT.chartWidth}, 1fr))`,
    gap: tokens.spacingHorizontalL,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  chart: { minHeight: PIPELINE_LAYOUT.chartHeight },
  // Read by screen readers, not shown: the standard visually-hidden pattern.
  visuallyHidden: VISUALLY_HIDDEN,
});
