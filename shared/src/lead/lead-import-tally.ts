import type { Id } from '../common/types';
import type { ImportRowError } from './lead-import';

/** A row not imported because its email is already a lead's, or an earlier row's of the same file. */
export type ImportDuplicate = {
  readonly row: number;
  readonly email: string;
  readonly existingLeadId?: Id;
  readonly duplicateOfRow?: number;
};

/** How far an import got. Counts are exact; the lists keep the first MAX_LISTED entries. */
export type ImportTally = {
  /** Non-blank data rows settled (created, duplicate or rejected); a resumed import skips this many. */
  readonly processedRows: number;
  readonly created: number;
  readonly duplicateCount: number;
  /** Rows rejected; a row with several bad fields counts once and lists each field. */
  readonly errorCount: number;
  readonly duplicates: readonly ImportDuplicate[];
  readonly errors: readonly ImportRowError[];
};

export const MAX_LISTED = 1000;

export const EMPTY_TALLY: ImportTally = {
  processedRows: 0,
  created: 0,
  duplicateCount: 0,
  errorCount: 0,
  duplicates: [],
  errors: [],
};

/** What a stretch of rows added to the tally. */
export type TallyDelta = Omit<ImportTally, 'processedRows'> & { readonly rows: number };

const capped = <T>(listed: readonly T[], more: readonly T[]): readonly T[] =>
  more.length === 0 || listed.length >= MAX_LISTED ? listed : [...listed, ...more].slice(0, MAX_LISTED);

export const addToTally = (tally: ImportTally, delta: TallyDelta): ImportTally => ({
  processedRows: tally.processedRows + delta.rows,
  created: tally.created + delta.created,
  duplicateCount: tally.duplicateCount + delta.duplicateCount,
  errorCount: tally.errorCount + delta.errorCount,
  duplicates: capped(tally.duplicates, delta.duplicates),
  errors: capped(tally.errors, delta.errors),
});
