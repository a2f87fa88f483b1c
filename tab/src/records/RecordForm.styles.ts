import { makeStyles, tokens } from '@fluentui/react-components';

export const useRecordFormStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});
