import type { DetectedColumn } from './import-mapping';
import type { FieldType, ImportKind } from './import-fields';
import type { ImportRowError, ImportSkip, ValueUse } from './import-row';
import type { DateOrder } from './import-parse';
import type { ValueOption } from './import-values';

/** What previewing an import answers (the API's body and the tab's mapping screen read it). */

export type PreviewColumn = DetectedColumn & {
  /** The column's first non-blank values. */
  readonly samples: readonly string[];
};

/** A distinct value of a mapped picklist, stage, owner, campaign or currency column, and what it becomes. */
export type PreviewValue = {
  readonly field: string;
  readonly value: string;
  /** Rows with this value. */
  readonly count: number;
  readonly to?: string;
  /** `ask`: a stage the workspace does not have; the import uses `to` (the first open stage) unless told. */
  readonly how: ValueUse['how'] | 'exact';
};

export type PreviewOutcome = 'create' | 'update' | 'skip' | 'error';

export type PreviewRow = {
  readonly row: number;
  readonly cells: readonly string[];
  readonly outcome: PreviewOutcome;
  readonly errors?: readonly ImportRowError[];
  readonly skip?: ImportSkip;
};

export type ImportPreview = {
  readonly kind: ImportKind;
  /** Non-blank data rows in the file. */
  readonly total: number;
  readonly columns: readonly PreviewColumn[];
  readonly ignoredColumns: readonly string[];
  /** Required fields no column feeds yet (each as its alternatives: `lastName or name`); the import is refused until one does. */
  readonly missing: readonly string[];
  readonly values: readonly PreviewValue[];
  /** How `/` dates are read, and whether the file's own dates showed it (else it is the default). */
  readonly dateOrder: DateOrder;
  readonly dateOrderDetected: boolean;
  /** The first rows, checked as the import would (nothing written). */
  readonly rows: readonly PreviewRow[];
  /** The kind's fields a column can be mapped to, with how each reads its text. */
  readonly fields: readonly { readonly name: string; readonly type: FieldType }[];
  /**
   * Per picklist or stage field with values listed: the values of ours each may be mapped to
   * (`mapping.values`); a stage the workspace lacks (`ask`) is answered with one of these.
   */
  readonly choices: readonly { readonly field: string; readonly options: readonly ValueOption[] }[];
};
