import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT, MEDIA } from '../app/layout';
import { VISUALLY_HIDDEN } from '../app/visually-hidden';

const panel = {
  boxSizing: 'border-box',
  minWidth: 0,
  padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorNeutralBackground1,
  boxShadow: tokens.shadow2,
} as const;

export const useDashboardStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  tiles: {
    display: 'grid',
    gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${LAYOUT.tileMinWidth}), 1fr))`,
    gap: tokens.spacingHorizontalM,
  },
  tile: {
    ...panel,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    [MEDIA.narrow]: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  },
  tileLabel: {
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  tileValues: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, minWidth: 0 },
  tileValue: {
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    [MEDIA.narrow]: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    maxWidth: '100%',
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${LAYOUT.chartMinWidth}), 1fr))`,
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  card: { ...panel, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  cardHeading: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  series: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3 },
  visuallyHidden: VISUALLY_HIDDEN,
});
