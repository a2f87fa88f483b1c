/** The few layout sizes the tab uses; colours, spacing and type come from Fluent tokens. */
export const LAYOUT = {
  formMaxWidth: '360px',
  searchWidth: '280px',
  pageMaxWidth: '1200px',
} as const;
