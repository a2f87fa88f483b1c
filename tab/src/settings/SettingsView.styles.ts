import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT } from '../app/layout';

export const useSettingsStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: LAYOUT.formMaxWidth,
  },
  announcement: { color: tokens.colorNeutralForeground2 },
  orderColumn: { width: LAYOUT.stageOrderColumn },
  tableScroller: { overflowX: 'auto', maxWidth: '100%' },
  stagesTable: { minWidth: LAYOUT.stagesTableMinWidth },
  /** Inputs fill their cell rather than keep Fluent's minimum width and spill into the next. */
  cellInput: { minWidth: 0, width: '100%' },
  order: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    whiteSpace: 'nowrap',
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
  },
});
