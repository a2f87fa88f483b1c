import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  /** A page outside the app's frame (the team tab's configuration). */
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

/** The page itself: no browser margin around the app (the app draws its own background edge to edge). */
export const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});
