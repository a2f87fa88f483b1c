import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT } from '../app/layout';

export const useOpportunitiesViewStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  search: { width: LAYOUT.searchWidth },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
