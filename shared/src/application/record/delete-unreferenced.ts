import { domainError } from '../../common/domain-error';
import type { ErrorCode } from '../../common/error-codes';
import { err, ok, type Result } from '../../common/result';
import type { Id, WorkspaceId } from '../../common/types';
import type { AppDeps, Caller } from '../deps';
import type { Version } from '../../records/versions';
import type { RecordFilter, RecordKind } from '../../records/records';
import { deleteRecord } from './records.use-case';

/** A live record of `kind` whose `field` holds the id of the record to delete. */
export type Referrer = {
  [K in RecordKind]: { readonly kind: K; readonly field: RecordFilter<K> };
}[RecordKind];

/**
 * The delete use case of a record that others point at: refused with `code` while any live referrer
 * remains (they would name a record that is gone), a soft delete otherwise.
 */
export const deleteUnreferenced =
  (kind: RecordKind, referrers: readonly Referrer[], code: ErrorCode, message: string) =>
  (
    deps: AppDeps,
    caller: Caller,
    ws: WorkspaceId,
    id: Id,
    expected: Version | undefined,
  ): Promise<Result<void>> =>
    deleteRecord(deps, caller, ws, kind, id, expected, async () => {
      const found = await Promise.all(
        referrers.map((r) => deps.records.list(ws, r.kind, { limit: 1, filters: { [r.field]: id } })),
      );
      return found.some((page) => page.items.length > 0) ? err(domainError(code, message)) : ok(undefined);
    });
