import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT } from './layout';

export const useToastStyles = makeStyles({
  region: {
    position: 'fixed',
    bottom: tokens.spacingVerticalL,
    left: '50%',
    transform: 'translateX(-50%)',
    zIndex: 1000,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    width: `min(${LAYOUT.toastMaxWidth}, calc(100vw - 2 * ${tokens.spacingHorizontalL}))`,
    pointerEvents: 'none',
  },
  toast: {
    pointerEvents: 'auto',
    boxShadow: tokens.shadow16,
  },
});
