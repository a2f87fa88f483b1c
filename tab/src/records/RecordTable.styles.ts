import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT } from '../app/layout';

export const useRecordTableStyles = makeStyles({
  empty: {
    padding: tokens.spacingVerticalL,
    color: tokens.colorNeutralForeground3,
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
  },
  scroller: {
    maxHeight: LAYOUT.tableMaxHeight,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  spacer: {
    border: 'none',
  },
  selectCell: {
    width: LAYOUT.checkboxColumn,
  },
  more: {
    padding: tokens.spacingVerticalS,
    display: 'flex',
    justifyContent: 'center',
  },
});
