import { domainError } from '../../common/domain-error';
import { err, type Result } from '../../common/result';
import type { WorkspaceId } from '../../common/types';
import type { Workspace } from '../../workspace/workspace';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';

/** A file opened for an import or its preview: the workspace, the header, the data rows after it. */
export type OpenedImportFile = {
  readonly workspace: Workspace;
  readonly header: readonly string[];
  readonly rows: AsyncIterator<readonly string[]>;
};

/**
 * Reads a file for an import or its preview: the caller must be able to write in the workspace, the
 * first record is the header (none: IMPORT.EMPTY_FILE), and the rows are closed when `read` ends,
 * however it ends.
 */
export async function readImportFile<T>(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  records: AsyncIterable<readonly string[]>,
  read: (file: OpenedImportFile) => Promise<Result<T>>,
): Promise<Result<T>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'write');
  if (!access.ok) return access;
  const rows = records[Symbol.asyncIterator]();
  try {
    const first = await rows.next();
    if (first.done) {
      return err(domainError('IMPORT.EMPTY_FILE', 'The file is empty; its first row must name the columns.'));
    }
    return await read({ workspace: access.value.workspace.record, header: first.value, rows });
  } finally {
    await rows.return?.();
  }
}
