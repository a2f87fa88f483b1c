import { ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import {
  buildImportedRecord,
  checkValueMapping,
  valueOptions,
  detectColumns,
  detectDateOrder,
  duplicateSkip,
  duplicateKeys,
  emptyKeyIndex,
  fieldType,
  importFieldsOf,
  mapCell,
  matchDuplicate,
  readImportRow,
  rememberKeys,
  resolveMapping,
  type DetectedColumn,
  type DuplicatePolicy,
  type FieldType,
  type ImportKind,
  type ImportMapping,
  type MappingInput,
} from '../../imports';
import type { ImportPreview, PreviewRow, PreviewValue } from '../../imports/import-preview';
import type { Workspace } from '../../workspace/workspace';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import { readImportFile } from './import-file';
import { checkMappingValues, loadImportContext } from './import-context';

export type PreviewOptions = {
  readonly kind: ImportKind;
  readonly changes?: MappingInput;
  readonly duplicates?: DuplicatePolicy;
  /** How many first rows are checked. */
  readonly rows?: number;
};

const SAMPLES = 3;
const FIRST_ROWS = 10;
/** Distinct values listed per column; the rest are counted as rows only. */
const DISTINCT = 50;
const LISTED_TYPES: ReadonlySet<FieldType> = new Set([
  'choice',
  'stage',
  'owner',
  'campaign',
  'currency',
  'industry',
]);
/** The fields whose values the preview offers to map to another of ours. */
const CHOSEN_TYPES: ReadonlySet<FieldType> = new Set(['choice', 'stage']);
const DATE_TYPES: ReadonlySet<FieldType> = new Set(['date', 'instant']);

/**
 * Reads a file as an import would, writing nothing: the mapping detected per column (with the
 * caller's changes), each distinct picklist value and what it becomes (stages the workspace lacks are
 * `ask`), the order its dates are written in, and its first rows checked: created, filled in,
 * skipped or in error, with why.
 */
export async function previewImport(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  rows: AsyncIterable<readonly string[]>,
  options: PreviewOptions,
): Promise<Result<ImportPreview>> {
  return readImportFile(deps, caller, ws, rows, async ({ workspace, header, rows: iterator }) => {
    const { kind } = options;
    const detected = resolveMapping(kind, header, options.changes);
    if (!detected.ok && detected.error.code !== 'IMPORT.INVALID_HEADER') return detected;
    const columns = detected.ok ? detected.value.columns : mergeChanges(kind, header, options.changes);
    const fields = columns.map((c) => c.field);

    // One pass over the file: samples, distinct values, date evidence, the first rows' cells.
    const samples = columns.map((): string[] => []);
    const distinct = columns.map(() => new Map<string, number>());
    const dates: string[] = [];
    const firstRows: { row: number; cells: readonly string[] }[] = [];
    let total = 0;
    let row = 1;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      row += 1;
      const cells = next.value;
      if (cells.every((c) => c.trim() === '')) continue;
      total += 1;
      if (firstRows.length < (options.rows ?? FIRST_ROWS)) firstRows.push({ row, cells });
      fields.forEach((field, i) => {
        const text = (cells[i] ?? '').trim();
        if (!text) return;
        const list = samples[i]!;
        if (list.length < SAMPLES) list.push(text);
        const type = field ? fieldType(kind, field) : undefined;
        if (type && LISTED_TYPES.has(type)) {
          const seen = distinct[i]!;
          const count = seen.get(text);
          if (count !== undefined) seen.set(text, count + 1);
          else if (seen.size < DISTINCT) seen.set(text, 1);
        }
        if (type && DATE_TYPES.has(type) && dates.length < 1000) dates.push(text);
      });
    }
    const found = detectDateOrder(dates);
    const dateOrder = options.changes?.dateOrder ?? found ?? 'mdy';
    const mapping: ImportMapping = {
      kind,
      columns: fields,
      values: options.changes?.values ?? {},
      dateOrder,
    };
    const context = await loadImportContext(deps, ws, workspace, caller.actor.userId, mapping);
    const answers = checkValueMapping(kind, mapping.values, context.lookups);
    if (!answers.ok) return answers;

    const values: PreviewValue[] = [];
    fields.forEach((field, i) => {
      if (!field) return;
      for (const [value, count] of distinct[i]!) {
        const mapped = mapCell(mapping, context.lookups, field, value);
        values.push({ field, value, count, ...mapped });
      }
    });

    const checked = await checkRows(
      deps,
      ws,
      caller.actor.userId,
      workspace,
      header,
      mapping,
      context,
      firstRows,
      options.duplicates ?? 'skip',
    );
    return ok({
      kind,
      total,
      columns: columns.map((c, i) => ({ ...c, samples: samples[i] ?? [] })),
      ignoredColumns: columns.filter((c) => c.field === null && c.header !== '').map((c) => c.header),
      missing: detected.ok ? [] : Object.keys(detected.error.fields ?? {}),
      values,
      dateOrder,
      dateOrderDetected: found !== undefined,
      rows: checked,
      fields: importFieldsOf(kind).map((name) => ({ name, type: fieldType(kind, name)! })),
      choices: [...new Set(values.map((v) => v.field))].flatMap((field) => {
        const options = CHOSEN_TYPES.has(fieldType(kind, field)!)
          ? valueOptions(kind, field, context.lookups)
          : undefined;
        return options ? [{ field, options }] : [];
      }),
    });
  });
}

/** The detected columns with the caller's changes, when the result still lacks a required field. */
function mergeChanges(
  kind: ImportKind,
  header: readonly string[],
  changes: MappingInput | undefined,
): DetectedColumn[] {
  const taken = new Set<string>();
  const known = new Set(importFieldsOf(kind));
  return detectColumns(kind, header).map((column) => {
    const chosen =
      changes?.columns && column.header in changes.columns ? changes.columns[column.header] : undefined;
    const wanted = chosen === undefined ? column.detected : chosen;
    const field = wanted && known.has(wanted) && !taken.has(wanted) ? wanted : null;
    if (field) taken.add(field);
    return { ...column, field };
  });
}

async function checkRows(
  deps: AppDeps,
  ws: WorkspaceId,
  actor: string,
  workspace: Workspace,
  header: readonly string[],
  mapping: ImportMapping,
  context: Awaited<ReturnType<typeof loadImportContext>>,
  rows: readonly { row: number; cells: readonly string[] }[],
  policy: DuplicatePolicy,
): Promise<PreviewRow[]> {
  const earlier = emptyKeyIndex<number>();
  const reads = rows.map(({ row, cells }) => ({
    row,
    cells,
    read: readImportRow(mapping, context.lookups, header, cells, row),
  }));
  const ctx = {
    workspaceId: ws,
    actor,
    now: deps.clock.now(),
    newId: () => deps.ids.newId(),
    settings: workspace.settings,
    defaultOwner: () => actor,
  };
  const ownIds = reads.flatMap(({ read }) =>
    read.type === 'record' && typeof read.values.id === 'string' ? [read.values.id] : [],
  );
  const stored = new Set<Id>(
    ownIds.length > 0 ? (await deps.records.getMany(ws, mapping.kind, ownIds)).map((r) => r.record.id) : [],
  );
  return reads.map(({ row, cells, read }): PreviewRow => {
    if (read.type === 'blank') return { row, cells, outcome: 'skip' };
    if (read.type === 'invalid') return { row, cells, outcome: 'error', errors: read.errors };
    if (read.type === 'skip') return { row, cells, outcome: 'skip', skip: read.skip };
    const built = buildImportedRecord(mapping.kind, row, read.values, read.imported, context.lookups, ctx);
    if (!built.ok) return { row, cells, outcome: 'error', errors: built.error };
    const keys = duplicateKeys(built.value);
    const match = matchDuplicate(keys, stored.has(keys.id), context.existing, earlier);
    rememberKeys(earlier, keys, row);
    if (!match) return { row, cells, outcome: 'create' };
    const uniqueEmail = mapping.kind === 'lead' && match.matchedBy === 'email';
    if (policy === 'create' && !uniqueEmail) return { row, cells, outcome: 'create' };
    if (policy === 'update' && 'existingId' in match) return { row, cells, outcome: 'update' };
    const skip = duplicateSkip(row, match, keys, policy === 'create' ? 'email-in-use' : 'duplicate');
    return { row, cells, outcome: 'skip', skip };
  });
}

/**
 * The mapping a previewed file would be imported with, checked before the preview is used up: its
 * columns (`resolveMapping`) and its value answers against the workspace's stages, members and
 * campaigns. Either refusal leaves the preview for another try.
 */
export async function checkImportMapping(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  kind: ImportKind,
  header: readonly string[],
  changes: MappingInput | undefined,
): Promise<Result<ImportMapping>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const resolved = resolveMapping(kind, header, changes);
  if (!resolved.ok) return resolved;
  const values = await checkMappingValues(deps, ws, access.value.workspace.record, resolved.value.mapping);
  return values.ok ? ok(resolved.value.mapping) : values;
}
