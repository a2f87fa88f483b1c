import { makeStyles, tokens } from '@fluentui/react-components';

export const useStateStyles = makeStyles({
  items: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
  },
});
