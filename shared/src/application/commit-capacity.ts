import { recordEmail, recordSearchTokens } from './record-search';
import type { RecordKind, RecordOf } from './records';

/** `commit` writes one entity-group transaction: at most this many table operations. */
export const COMMIT_CAPACITY = 100;

/**
 * The table operations inserting this record takes inside a commit: its row, one index row per
 * search token, its email row and (activities) its regarding row. Bulk writers pack change sets
 * with it; a storage spec keeps it equal to what storage plans.
 */
export const insertCost = <K extends RecordKind>(kind: K, record: RecordOf[K]): number =>
  1 +
  recordSearchTokens(kind, record).length +
  (recordEmail(kind, record) ? 1 : 0) +
  (kind === 'activity' ? 1 : 0);
