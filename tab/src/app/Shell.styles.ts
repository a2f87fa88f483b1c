import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT } from './layout';

export const useShellStyles = makeStyles({
  frame: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalL,
  },
  nav: {
    flexShrink: 0,
    width: LAYOUT.navWidth,
  },
  navList: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  navLink: {
    width: '100%',
    justifyContent: 'flex-start',
  },
  content: {
    flexGrow: 1,
    flexBasis: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});
