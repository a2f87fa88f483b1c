import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT } from '../app/layout';

export const useSignInFormStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: LAYOUT.formMaxWidth,
    padding: tokens.spacingHorizontalXXL,
  },
});
