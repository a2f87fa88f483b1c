/** Layout sizes of the board and the dashboard (beside `app/layout.ts`, which the shell owns). */
export const PIPELINE_LAYOUT = {
  boardColumnMinWidth: '120px',
  boardColumnMinHeight: '160px',
  chartHeight: '260px',
  chartWidth: '520px',
} as const;
