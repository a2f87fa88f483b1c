/**
 * What one imported file may be: the server refuses past these (413 or 400 naming the limit), the
 * tab's import dialog says them beside the file picker, and the API document quotes them.
 */
export const IMPORT_FILE_LIMITS = {
  /** The file as sent (a CSV, or an .xlsx before it is unzipped). */
  maxBytes: 50 * 1024 * 1024,
  /** Cells one row may have. */
  maxColumns: 1000,
  /** Bytes one CSV record (a row, with line breaks inside quotes) may take. */
  maxRecordBytes: 1024 * 1024,
  /** Data rows of a workbook's sheet. */
  maxSheetRows: 200_000,
} as const;

/** A byte count in whole MB as the limits are spoken of (1 MB = 1,048,576 bytes). */
export const wholeMegabytes = (bytes: number): number => Math.floor(bytes / (1024 * 1024));
