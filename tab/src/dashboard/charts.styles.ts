import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT } from '../app/layout';

const oneLine = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 } as const;

export const useChartStyles = makeStyles({
  bars: {
    display: 'grid',
    gridTemplateColumns: `minmax(0, ${LAYOUT.chartLabelWidth}) minmax(0, 1fr) auto`,
    rowGap: tokens.spacingVerticalS,
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  barRow: { display: 'contents' },
  barLabel: { ...oneLine, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  track: {
    position: 'relative',
    height: LAYOUT.chartBarHeight,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
  },
  bar: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    boxSizing: 'border-box',
  },
  inner: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    left: 0,
    backgroundColor: tokens.colorBrandBackground,
  },
  negative: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}`,
  },
  zero: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    width: tokens.strokeWidthThin,
    backgroundColor: tokens.colorNeutralStroke1,
  },
  barValue: {
    ...oneLine,
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
    textAlign: 'end',
  },
  columns: {
    display: 'grid',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  column: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    minWidth: 0,
  },
  columnValue: {
    ...oneLine,
    maxWidth: '100%',
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
  },
  columnTrack: {
    display: 'flex',
    alignItems: 'flex-end',
    justifyContent: 'center',
    width: '100%',
    height: LAYOUT.columnChartHeight,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  columnBar: {
    width: '64%',
    backgroundColor: tokens.colorBrandBackground,
    borderTopLeftRadius: tokens.borderRadiusSmall,
    borderTopRightRadius: tokens.borderRadiusSmall,
  },
  columnLabel: {
    ...oneLine,
    maxWidth: '100%',
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  columnGroup: {
    ...oneLine,
    maxWidth: '100%',
    height: tokens.lineHeightBase200,
    lineHeight: tokens.lineHeightBase200,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: 'inline-block',
    width: tokens.spacingHorizontalM,
    height: tokens.spacingVerticalM,
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
    borderRadius: tokens.borderRadiusSmall,
  },
  swatchOuter: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  swatchInner: { backgroundColor: tokens.colorBrandBackground },
});
