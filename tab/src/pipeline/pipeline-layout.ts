/** Layout sizes of the board (beside `app/layout.ts`, which the shell owns). */
export const PIPELINE_LAYOUT = {
  /** A column never gets narrower: a card's name, amount and next step fit; the board scrolls instead. */
  boardColumnMinWidth: '248px',
  boardColumnMinHeight: '160px',
  /** The Won / Lost drop zones at the foot of the window while a card is carried. */
  dropZoneHeight: '72px',
} as const;
