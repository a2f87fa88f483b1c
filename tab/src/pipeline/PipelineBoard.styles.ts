import { makeStyles, tokens } from '@fluentui/react-components';
import { PIPELINE_LAYOUT as LAYOUT } from './pipeline-layout';

export const usePipelineBoardStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  board: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    overflowX: 'auto',
    alignItems: 'flex-start',
    paddingBottom: tokens.spacingVerticalS,
  },
  column: {
    // Columns share the width; below their minimum the board scrolls sideways.
    flex: '1 1 0',
    minWidth: LAYOUT.boardColumnMinWidth,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minHeight: LAYOUT.boardColumnMinHeight,
    outlineStyle: 'none',
  },
  dropTarget: {
    outlineStyle: 'dashed',
    outlineWidth: tokens.strokeWidthThick,
    outlineColor: tokens.colorBrandStroke1,
  },
  columnHeader: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  totals: { margin: 0, padding: 0, listStyleType: 'none' },
  cards: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  card: { cursor: 'grab', touchAction: 'none' },
  /** A pill that grows with its text when a narrow column wraps it, rather than spill out. */
  staleBadge: {
    height: 'auto',
    minHeight: tokens.lineHeightBase300,
    whiteSpace: 'normal',
    textAlign: 'start',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  dragging: { opacity: 0.4 },
  overlay: { cursor: 'grabbing', boxShadow: tokens.shadow16 },
  pending: { opacity: 0.6 },
  cardActions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
