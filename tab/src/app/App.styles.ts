import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT } from './layout';

export const useAppStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: LAYOUT.pageMaxWidth,
    margin: '0 auto',
    padding: tokens.spacingHorizontalXL,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
});

/** The page itself: no browser margin around the app (the app draws its own background edge to edge). */
export const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});
