import { makeStyles, tokens } from '@fluentui/react-components';
import { VISUALLY_HIDDEN } from '../app/visually-hidden';
import { CARD_HEIGHT_PX, LAYOUT, ROW_HEIGHT_PX } from '../app/layout';

/** The class every cell's text carries, so a focused row can show it whole. */
export const CELL_TEXT = 'crm-cell-text';

export const useRecordTableStyles = makeStyles({
  empty: {
    padding: tokens.spacingVerticalL,
    color: tokens.colorNeutralForeground3,
  },
  /** The list scrolls inside itself (both ways): the page keeps its width, the header stays in view. */
  scroller: {
    maxHeight: `calc(100vh - ${LAYOUT.listChrome})`,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  table: {
    tableLayout: 'fixed',
    minWidth: '100%',
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: {
    height: `${ROW_HEIGHT_PX}px`,
    // A row reached with the keyboard shows every value whole (the title attribute only helps a
    // mouse). Not on a mouse press: the row grew under the pointer and the click missed its button.
    [`:has(:focus-visible) .${CELL_TEXT}`]: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  },
  cell: {
    overflow: 'hidden',
    paddingTop: 0,
    paddingBottom: 0,
  },
  numberCell: {
    overflow: 'hidden',
    paddingTop: 0,
    paddingBottom: 0,
    textAlign: 'end',
  },
  /** A figure column's heading (the header cell's button slot, a flex row) at the cell's end. */
  numberHeader: { justifyContent: 'flex-end', textAlign: 'end' },
  /** One line, cut with an ellipsis; the element's title has the whole text. */
  text: {
    display: 'block',
    minWidth: 0,
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  badge: {
    maxWidth: '100%',
    minWidth: 0,
  },
  spacer: {
    border: 'none',
  },
  /** A row's checkbox is a plain input with Fluent's classes: its keyboard focus ring is this one. */
  checkbox: {
    ':has(> input:focus-visible)': {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  more: {
    padding: tokens.spacingVerticalS,
    display: 'flex',
    justifyContent: 'center',
  },
  visuallyHidden: VISUALLY_HIDDEN,
  cards: {
    maxHeight: `calc(100vh - ${LAYOUT.listChrome})`,
    overflowY: 'auto',
    overflowX: 'hidden',
  },
  card: {
    boxSizing: 'border-box',
    height: `${CARD_HEIGHT_PX}px`,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  cardInner: {
    boxSizing: 'border-box',
    height: '100%',
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gridTemplateRows: 'auto auto auto',
    rowGap: tokens.spacingVerticalXXS,
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    [`:has(:focus-visible) .${CELL_TEXT}`]: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  },
  cardTitle: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  cardStatus: {
    // The name gives way first: a long name cut "Koninklijke Nederland…" reads, a status cut "P…" does not.
    flexShrink: 0,
    minWidth: 0,
    maxWidth: '55%',
    marginLeft: 'auto',
    display: 'flex',
    fontWeight: tokens.fontWeightRegular,
  },
  cardLine: {
    gridColumnStart: 1,
    gridColumnEnd: 3,
    minWidth: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
  },
  cardLabel: {
    flexShrink: 0,
    color: tokens.colorNeutralForeground3,
  },
});
