import { makeStyles, tokens } from '@fluentui/react-components';

export const useRecordTableStyles = makeStyles({
  empty: {
    padding: tokens.spacingVerticalL,
    color: tokens.colorNeutralForeground3,
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
  },
});
