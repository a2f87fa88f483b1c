import { makeStyles, tokens } from '@fluentui/react-components';
import { VISUALLY_HIDDEN } from '../app/visually-hidden';

export const useNextStepStyles = makeStyles({
  /** One line: a long subject is cut, never the due day ("Send the revised sc… · Today"). */
  line: {
    display: 'flex',
    alignItems: 'baseline',
    // The due part's leading space is dropped on screen (it starts a flex item): the gap is it.
    columnGap: tokens.spacingHorizontalXS,
    minWidth: 0,
    maxWidth: '100%',
  },
  subject: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  due: { flexShrink: 0, whiteSpace: 'nowrap' },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  overdueWord: VISUALLY_HIDDEN,
});
