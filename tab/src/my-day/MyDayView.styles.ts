import { makeStyles, tokens } from '@fluentui/react-components';

export const useMyDayStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  what: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    flexBasis: '240px',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  /** A section's heading under the view's: smaller, and close to its items. */
  sectionHeading: { margin: 0 },
  /** The subject reads as the item's name (a checkbox label is dimmed until checked). */
  subject: { color: tokens.colorNeutralForeground1 },
  done: {
    textDecorationLine: 'line-through',
    color: tokens.colorNeutralForeground3,
  },
  overdue: {
    color: tokens.colorPaletteRedForeground1,
  },
  meta: {
    paddingLeft: tokens.spacingHorizontalXXL,
    overflowWrap: 'anywhere',
  },
});
