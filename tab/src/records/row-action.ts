/** One thing a list row offers in its menu (open, convert, delete, restore…). */
export type RowAction = {
  readonly id: string;
  readonly label: string;
  readonly run: () => void | Promise<unknown>;
  /** Asks first, in a dialog with this title, text and confirming button. */
  readonly confirm?: { readonly title: string; readonly text?: string; readonly confirmLabel: string };
  readonly disabled?: boolean;
};
