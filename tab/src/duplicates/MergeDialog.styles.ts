import { makeStyles, tokens } from '@fluentui/react-components';

export const useMergeDialogStyles = makeStyles({
  // Two records side by side want more room than a form; a phone gets the whole width.
  surface: { maxWidth: 'min(760px, calc(100vw - 24px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  candidates: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  // Name, then what tells it apart, one under the other whatever their length.
  candidateRow: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  candidate: { justifyContent: 'flex-start', textAlign: 'start', minHeight: '32px', maxWidth: '100%' },
  candidateDetail: {
    color: tokens.colorNeutralForeground3,
    paddingInlineStart: tokens.spacingHorizontalM,
    overflowWrap: 'anywhere',
  },
  comparison: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  keepRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  keepField: { flex: '1 1 320px', minWidth: 0 },
  tableScroll: { overflowX: 'auto' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    '& th, & td': {
      textAlign: 'start',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      overflowWrap: 'anywhere',
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  fieldHead: { width: '22%' },
  fieldName: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  kept: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  unused: { color: tokens.colorNeutralForeground3 },
  value: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalXS },
  valueText: { minWidth: 0 },
  mark: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteGreenForeground1,
  },
  moves: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});
