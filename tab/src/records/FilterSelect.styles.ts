import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT } from '../app/layout';

export const useFilterSelectStyles = makeStyles({
  filter: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    maxWidth: '100%',
  },
  label: { whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  select: { width: LAYOUT.filterWidth, minWidth: 0, maxWidth: '100%' },
});
