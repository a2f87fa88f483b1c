import type { DomainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { WorkspaceId } from '../../common/types';
import {
  checkValueMapping,
  ignoredColumns,
  resolveMapping,
  type ImportKind,
  type ImportMapping,
  type ImportTally,
  type MappingInput,
} from '../../imports';
import type { AppDeps, Caller } from '../deps';
import { readImportFile } from './import-file';
import { loadImportContext } from './import-context';
import { ImportRun, type ImportRunOptions } from './import-run';
import { leadOwnerRotation } from '../lead/lead-owners';

export type ImportResult = ImportTally & {
  readonly kind: ImportKind;
  /** Non-blank data rows in the file: imported + skipped + errors. */
  readonly total: number;
  /** The file's columns that are not imported. */
  readonly ignoredColumns: readonly string[];
};

export type ImportRecordsOptions = ImportRunOptions & {
  /** What the rows are (default: leads). */
  readonly kind?: ImportKind;
  /**
   * The caller's changes to the detected mapping (a mapping checked before, as a job's, is taken
   * as it is: `mapping`).
   */
  readonly changes?: MappingInput;
  readonly mapping?: ImportMapping;
};

/**
 * Imports records of one kind from CSV records (the header first). Columns map to fields by their
 * headers (ours, Salesforce's, HubSpot's, Pipedrive's) unless the caller maps them; an unknown column
 * is not imported and is listed in `ignoredColumns`; picklist values map to ours; each row is
 * imported, skipped (a duplicate, or a lead converted in the old system) or reported with why.
 */
export async function importRecords(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  rows: AsyncIterable<readonly string[]>,
  options: ImportRecordsOptions = {},
): Promise<Result<ImportResult>> {
  return readImportFile(deps, caller, ws, rows, async ({ workspace, header, rows: iterator }) => {
    const kind = options.mapping?.kind ?? options.kind ?? 'lead';
    const mapped = options.mapping
      ? { mapping: options.mapping, ignored: ignoredOf(header, options.mapping) }
      : fromResolved(resolveMapping(kind, header, options.changes));
    if ('error' in mapped) return err(mapped.error);
    const context = await loadImportContext(deps, ws, workspace, caller.actor.userId, mapped.mapping);
    if (!options.mapping) {
      const values = checkValueMapping(kind, mapped.mapping.values, context.lookups);
      if (!values.ok) return values;
    }
    // New leads that name no owner go round the workspace's members when its owners turned that on;
    // the counter moves once, at the end.
    const rotation =
      kind === 'lead' && !options.assignOwner
        ? await leadOwnerRotation(deps, workspace, caller.actor.userId)
        : undefined;
    const run = new ImportRun(
      deps,
      ws,
      workspace,
      caller.actor.userId,
      header,
      mapped.mapping,
      context,
      rotation ? { ...options, assignOwner: () => rotation.next() } : options,
    );
    const tally = await run.readAll(iterator);
    await rotation?.finish();
    return ok({ ...tally, kind, total: tally.processedRows, ignoredColumns: mapped.ignored });
  });
}

const ignoredOf = (header: readonly string[], mapping: ImportMapping): string[] =>
  header.flatMap((cell, i) =>
    mapping.columns[i] == null && cell.trim() !== '' ? [cell.replace(/^\uFEFF/, '').trim()] : [],
  );

function fromResolved(
  resolved: ReturnType<typeof resolveMapping>,
): { mapping: ImportMapping; ignored: string[] } | { error: DomainError } {
  if (!resolved.ok) return { error: resolved.error };
  return { mapping: resolved.value.mapping, ignored: ignoredColumns(resolved.value.columns) };
}
