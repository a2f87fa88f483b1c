import type { ImportRowError, ImportSkip, ValueUse } from './import-row';

/** A value mapping the import applied, and on how many rows. */
export type ValueMapping = ValueUse & { readonly count: number };

/**
 * How far an import got. Counts are exact and `imported + skipped + errors = processedRows`; the
 * lists keep the first MAX_LISTED rows each (so a job stays one Table entity), the value mappings
 * the first MAX_MAPPINGS distinct ones.
 */
export type ImportTally = {
  /** Non-blank data rows settled (imported, skipped or in error); a resumed import skips this many. */
  readonly processedRows: number;
  /** Rows that created a record or filled in an existing one. */
  readonly imported: number;
  readonly created: number;
  readonly updated: number;
  /** Rows deliberately not written: duplicates, leads converted or records deleted in the old system. */
  readonly skipped: number;
  /** Of the skipped rows, those that matched a record (or an earlier row) as duplicates. */
  readonly duplicateCount: number;
  /** Rows that could not be imported; a row with several bad fields counts once and lists each. */
  readonly errors: number;
  readonly skippedRows: readonly ImportSkip[];
  readonly errorRows: readonly ImportRowError[];
  readonly valueMappings: readonly ValueMapping[];
};

export const MAX_LISTED = 500;
export const MAX_MAPPINGS = 200;

export const EMPTY_TALLY: ImportTally = {
  processedRows: 0,
  imported: 0,
  created: 0,
  updated: 0,
  skipped: 0,
  duplicateCount: 0,
  errors: 0,
  skippedRows: [],
  errorRows: [],
  valueMappings: [],
};

/** What a stretch of rows added to the tally. */
export type TallyDelta = {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly skipped: number;
  readonly duplicateCount: number;
  readonly errors: number;
  readonly skippedRows: readonly ImportSkip[];
  readonly errorRows: readonly ImportRowError[];
  readonly uses: readonly ValueUse[];
};

const capped = <T>(listed: readonly T[], more: readonly T[]): readonly T[] =>
  more.length === 0 || listed.length >= MAX_LISTED ? listed : [...listed, ...more].slice(0, MAX_LISTED);

const mappingKey = (m: ValueUse) => `${m.field}\n${m.value}\n${m.to ?? ''}\n${m.how}`;

/** Counts each distinct mapping once per row that used it; new mappings past the cap are not listed. */
export function countMappings(
  mappings: readonly ValueMapping[],
  uses: readonly ValueUse[],
): readonly ValueMapping[] {
  if (uses.length === 0) return mappings;
  const counted = new Map(mappings.map((m) => [mappingKey(m), m]));
  for (const use of uses) {
    const key = mappingKey(use);
    const known = counted.get(key);
    if (known) counted.set(key, { ...known, count: known.count + 1 });
    else if (counted.size < MAX_MAPPINGS) counted.set(key, { ...use, count: 1 });
  }
  return [...counted.values()];
}

export const addToTally = (tally: ImportTally, delta: TallyDelta): ImportTally => ({
  processedRows: tally.processedRows + delta.rows,
  imported: tally.imported + delta.created + delta.updated,
  created: tally.created + delta.created,
  updated: tally.updated + delta.updated,
  skipped: tally.skipped + delta.skipped,
  duplicateCount: tally.duplicateCount + delta.duplicateCount,
  errors: tally.errors + delta.errors,
  skippedRows: capped(tally.skippedRows, delta.skippedRows),
  errorRows: capped(tally.errorRows, delta.errorRows),
  valueMappings: countMappings(tally.valueMappings, delta.uses),
});

/** An earlier release's row-level duplicate entry, still answered beside `skippedRows` (deprecated). */
export type ImportDuplicate = {
  readonly row: number;
  readonly email: string;
  readonly existingLeadId?: string;
  readonly duplicateOfRow?: number;
};

/**
 * The names an earlier release answered with, kept beside the new ones while clients move over:
 * `errorCount` (= `errors`) and `duplicates` (the listed duplicate rows that have an email);
 * `created` and `duplicateCount` keep their meaning.
 */
export type ImportTallyAliases = {
  readonly errorCount: number;
  readonly duplicates: readonly ImportDuplicate[];
};

export function tallyAliases(tally: ImportTally): ImportTallyAliases {
  const duplicateRows = tally.skippedRows.filter(
    (s) => s.reason === 'duplicate' || s.reason === 'email-in-use',
  );
  return {
    errorCount: tally.errors,
    duplicates: duplicateRows.flatMap((s) =>
      s.email
        ? [
            {
              row: s.row,
              email: s.email,
              ...(s.existingId ? { existingLeadId: s.existingId } : {}),
              ...(s.duplicateOfRow ? { duplicateOfRow: s.duplicateOfRow } : {}),
            },
          ]
        : [],
    ),
  };
}
