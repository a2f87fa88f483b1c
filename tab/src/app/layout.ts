/** The few layout sizes the tab uses; colours, spacing and type come from Fluent tokens. */
export const LAYOUT = {
  formMaxWidth: '360px',
  searchWidth: '280px',
  pageMaxWidth: '1200px',
  navWidth: '220px',
  /** The list scrolls inside the page, so its header and the toolbar stay in view. */
  tableMaxHeight: '65vh',
  checkboxColumn: '44px',
  dialogWideWidth: '640px',
  /** The settings' stage order column: a position and two buttons side by side. */
  stageOrderColumn: '220px',
} as const;
