import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT, MEDIA } from '../app/layout';

export const useDealPageStyles = makeStyles({
  /** Main column (details, notes, activities) beside a side column (contacts, stage history); one column when narrow. */
  columns: {
    display: 'grid',
    gridTemplateColumns: `minmax(0, 1fr) minmax(0, ${LAYOUT.recordSideWidth})`,
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    [MEDIA.narrow]: { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    minWidth: 0,
  },
  title: {
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  /** Notes under their heading: the value takes the whole width. */
  notes: {
    margin: 0,
    position: 'relative',
  },
  contacts: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
});
