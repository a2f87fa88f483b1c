import { makeStyles, tokens } from '@fluentui/react-components';
import { VISUALLY_HIDDEN } from '../app/visually-hidden';

export const useActivityCellStyles = makeStyles({
  overdue: { color: tokens.colorPaletteRedForeground1 },
  overdueWord: VISUALLY_HIDDEN,
});
