/** The few layout sizes the tab uses; colours, spacing and type come from Fluent tokens. */
export const LAYOUT = {
  formMaxWidth: '360px',
  searchWidth: '280px',
  /** A list filter's select in the toolbar. */
  filterWidth: '150px',
  /** The header's global search at its widest. */
  globalSearchWidth: '420px',
  headerHeight: '48px',
  navWidth: '200px',
  /** The navigation as icons only (between the narrow and the wide breakpoint). */
  navCollapsedWidth: '48px',
  navItemHeight: '32px',
  /** The workspace switcher and the signed-in person in the header, at their widest. */
  switcherMaxWidth: '240px',
  personMaxWidth: '200px',
  /** What a list leaves above and below itself: header, page padding, toolbar (its scroller fills the rest). */
  listChrome: '200px',
  dialogWideWidth: '640px',
  /** A deal page's stage path: a step's least width (the path scrolls inside itself below the sum). */
  stageStepMinWidth: '112px',
  stageStepHeight: '32px',
  /** A record page's side column (contacts, history) beside the main one, on wide screens. */
  recordSideWidth: '340px',
  /** The settings' stage order column: a position and two buttons side by side. */
  stageOrderColumn: '220px',
  /** The stages editor's least width: below it, it scrolls sideways inside itself. */
  stagesTableMinWidth: '760px',
  /** The global search's results panel. */
  searchPanelMaxHeight: '70vh',
  /** A dashboard tile's smallest width before tiles wrap. */
  tileMinWidth: '160px',
  chartMinWidth: '320px',
  /** A horizontal bar chart's label column. */
  chartLabelWidth: '140px',
  chartBarHeight: '20px',
  columnChartHeight: '180px',
  /** A toast's widest. */
  toastMaxWidth: '480px',
} as const;

/** Below this width rows become cards and the navigation a menu (Teams mobile, a narrow side panel). */
export const NARROW_MAX_PX = 600;
/** Below this width (and above narrow) the navigation shows icons only. */
export const COMPACT_NAV_MAX_PX = 1100;

export const MEDIA = {
  narrow: `@media (max-width: ${NARROW_MAX_PX}px)`,
  wide: `@media (min-width: ${NARROW_MAX_PX + 1}px)`,
  compactNav: `@media (min-width: ${NARROW_MAX_PX + 1}px) and (max-width: ${COMPACT_NAV_MAX_PX}px)`,
} as const;

/** A table row and a card, in pixels: the virtualised lists place rows by these. */
export const ROW_HEIGHT_PX = 36;
export const CARD_HEIGHT_PX = 84;
/** The row checkbox's and the row menu's columns, in pixels. */
export const CHECKBOX_COLUMN_PX = 48;
export const ACTIONS_COLUMN_PX = 48;

/**
 * Column widths by what a column holds (`records/field-descriptor.ts` `ColumnSize`), in pixels: the
 * least it gets, and its share of any room left over (0: it keeps its width). A table narrower than
 * the sum scrolls sideways inside itself; the page never does.
 */
export const COLUMN_SIZES = {
  name: { min: 180, grow: 2 },
  text: { min: 140, grow: 1 },
  long: { min: 200, grow: 1.5 },
  enum: { min: 130, grow: 0.5 },
  badge: { min: 190, grow: 0 },
  date: { min: 130, grow: 0 },
  dateTime: { min: 190, grow: 0 },
  money: { min: 130, grow: 0 },
  number: { min: 100, grow: 0 },
} as const;
