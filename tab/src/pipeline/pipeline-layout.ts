/** Layout sizes of the board (beside `app/layout.ts`, which the shell owns). */
export const PIPELINE_LAYOUT = {
  boardColumnMinWidth: '120px',
  boardColumnMinHeight: '160px',
} as const;
