import { ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';
import {
  exportHeader,
  exportRow,
  type ExportKind,
  type ExportNames,
  type ExportRecord,
} from '../../records/export-columns';

/** A table to stream: the header, then one row of cells per record, read page by page. */
export type ExportTable = {
  readonly columns: readonly string[];
  readonly rows: AsyncIterable<readonly string[]>;
};

/** Every live record of a kind as rows of text cells (the transport encodes them as CSV). */
export async function exportRecords(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  kind: ExportKind,
): Promise<Result<ExportTable>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  return ok({ columns: exportHeader(kind), rows: exportRows(deps, ws, kind) });
}

async function* exportRows<K extends ExportKind>(
  deps: AppDeps,
  ws: WorkspaceId,
  kind: K,
): AsyncGenerator<string[]> {
  const names = await namesFor(deps, ws, kind);
  for await (const { record } of deps.records.scan(ws, kind))
    yield exportRow(kind, record as ExportRecord[K], names);
}

/** Campaign names for leads and opportunities, organisation names for contacts and opportunities. */
async function namesFor(deps: AppDeps, ws: WorkspaceId, kind: ExportKind): Promise<ExportNames> {
  const names = async (of: 'campaign' | 'organisation', needed: boolean): Promise<Map<Id, string>> => {
    const found = new Map<Id, string>();
    if (needed) for await (const { record } of deps.records.scan(ws, of)) found.set(record.id, record.name);
    return found;
  };
  const [campaigns, organisations] = await Promise.all([
    names('campaign', kind === 'lead' || kind === 'opportunity'),
    names('organisation', kind === 'contact' || kind === 'opportunity'),
  ]);
  return { campaigns, organisations };
}
