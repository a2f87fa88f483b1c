import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { TenantId, UserId, WorkspaceId } from '../common/types';
import type { Membership, WorkspaceRepository } from '../application/ports';
import type { Version, Versioned } from '../records/versions';
import type { Member, Workspace } from '../workspace/workspace';
import { mapBounded } from './bounded';
import { MAX_ACTIONS } from './change-set-actions';
import { readJsonColumns } from './json-columns';
import { isKeySafeId, MEMBER_PREFIX, memberKey, prefixRange, WORKSPACE_KEY } from './record-keys';
import { isConflict, statusOf } from './table-errors';
import { allRows, deleteIfExists, pagesOf, pointRead, rangeFilter } from './table-queries';
import {
  ALL_PARTITION,
  allWorkspacesRow,
  BINDING_KEY,
  bindingRow,
  DIGEST_PARTITION,
  digestRow,
  memberRow,
  teamPartition,
  userIndexRow,
  userPartition,
  workspaceRow,
} from './workspace-rows';

const CONCURRENCY = 16;
/** Access checks remembered (workspace × user); the oldest is dropped beyond this. */
const MEMBER_CACHE_SIZE = 10_000;
const stale = () =>
  domainError('CONCURRENCY.STALE', 'The workspace was changed by someone else; reload and try again.');
const notFound = () => domainError('WORKSPACE.NOT_FOUND', 'No such workspace.');

/**
 * The workspace's own partition (`ws` row, `mem|` rows) is the source of truth; the directory table
 * (user → workspaces, team binding, all workspaces) is derived and always verified against it.
 */
export class TableWorkspaceRepository implements WorkspaceRepository {
  /** `<ws>\n<user>` → the member row as read while the `ws` row had `version`. */
  private readonly members = new Map<string, { version: Version; member: Member | undefined }>();

  constructor(
    private readonly records: TableClient,
    private readonly directory: TableClient,
  ) {}

  /**
   * A saga: bind the team (the conflict check), write the directory rows, then the partition batch,
   * which is the commit point. A failure after the binding undoes it; directory rows left behind
   * point at nothing and are ignored.
   */
  async create(workspace: Workspace, owner: Member): Promise<Result<Versioned<Workspace>>> {
    checkOwner(workspace, owner);
    let boundHere = false;
    if (workspace.teamId !== undefined) {
      try {
        await this.directory.createEntity(bindingRow(workspace.tenantId, workspace.teamId, workspace.id));
        boundHere = true;
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
        const existing = await pointRead(
          this.directory,
          teamPartition(workspace.tenantId, workspace.teamId),
          BINDING_KEY,
        );
        // The same workspace bound it in an earlier, interrupted attempt: carry on.
        if (existing?.workspaceId !== workspace.id) {
          return err(domainError('WORKSPACE.TEAM_ALREADY_BOUND', 'This team already has a workspace.'));
        }
      }
    }
    try {
      await this.directory.upsertEntity(userIndexRow(owner), 'Replace');
      await this.directory.upsertEntity(allWorkspacesRow(workspace), 'Replace');
      const response = await this.records.submitTransaction([
        ['create', workspaceRow(workspace)],
        ['create', memberRow(owner)],
      ]);
      return ok({ record: workspace, version: etagAt(response.subResponses, 0) });
    } catch (error) {
      if (boundHere && workspace.teamId !== undefined) {
        await deleteIfExists(
          this.directory,
          teamPartition(workspace.tenantId, workspace.teamId),
          BINDING_KEY,
        );
      }
      if (statusOf(error) === 409)
        throw new Error(`Workspace ${workspace.id} already exists`, { cause: error });
      throw error;
    }
  }

  async get(id: WorkspaceId): Promise<Versioned<Workspace> | undefined> {
    if (!isKeySafeId(id)) return undefined;
    const row = await pointRead(this.records, id, WORKSPACE_KEY);
    return row ? { record: readJsonColumns<Workspace>(row), version: row.etag as Version } : undefined;
  }

  /**
   * The digest index follows the setting: its row is written before an update that has the digest on
   * (a crash after leaves a row the listing re-checks) and removed after one that has it off, then
   * put back if another update turned it on meanwhile.
   */
  async update(workspace: Workspace, expected: Version): Promise<Result<Versioned<Workspace>>> {
    if (!isKeySafeId(workspace.id)) return err(notFound());
    const digest = hasMorningDigest(workspace);
    if (digest) await this.directory.upsertEntity(digestRow(workspace), 'Replace');
    let updated: Versioned<Workspace>;
    try {
      const response = await this.records.updateEntity(workspaceRow(workspace), 'Replace', {
        etag: expected,
      });
      if (!response.etag) throw new Error('The update returned no ETag');
      updated = { record: workspace, version: response.etag as Version };
    } catch (error) {
      if (statusOf(error) === 404) return err(notFound());
      if (statusOf(error) === 412) return err(stale());
      throw error;
    }
    if (!digest && (await deleteIfExists(this.directory, DIGEST_PARTITION, workspace.id))) {
      const now = await this.get(workspace.id);
      if (now && hasMorningDigest(now.record)) {
        await this.directory.upsertEntity(digestRow(now.record), 'Replace');
      }
    }
    return ok(updated);
  }

  async findByTeam(tenantId: TenantId, teamId: string): Promise<Workspace | undefined> {
    const binding = await pointRead(this.directory, teamPartition(tenantId, teamId), BINDING_KEY);
    if (typeof binding?.workspaceId !== 'string') return undefined;
    const workspace = await this.get(binding.workspaceId);
    const record = workspace?.record;
    return record && record.tenantId === tenantId && record.teamId === teamId ? record : undefined;
  }

  async listForUser(tenantId: TenantId, userId: UserId): Promise<Membership[]> {
    const rows = await allRows(this.directory, odata`PartitionKey eq ${userPartition(tenantId, userId)}`, [
      'RowKey',
    ]);
    const found = await mapBounded(rows, CONCURRENCY, async (row): Promise<Membership | undefined> => {
      const id = String(row.rowKey);
      const [workspace, member] = await Promise.all([this.get(id), this.getMember(id, userId)]);
      if (!workspace || !member || workspace.record.tenantId !== tenantId || member.tenantId !== tenantId) {
        return undefined;
      }
      return { workspace: workspace.record, role: member.role };
    });
    return found.filter((m): m is Membership => m !== undefined);
  }

  async *listAll(): AsyncIterable<Workspace> {
    for await (const page of pagesOf(this.directory, odata`PartitionKey eq ${ALL_PARTITION}`, {
      select: ['RowKey'],
    })) {
      const found = await mapBounded(page.rows, CONCURRENCY, (row) => this.get(String(row.rowKey)));
      for (const workspace of found) if (workspace) yield workspace.record;
    }
  }

  async *listWithMorningDigest(): AsyncIterable<Workspace> {
    for await (const page of pagesOf(this.directory, odata`PartitionKey eq ${DIGEST_PARTITION}`, {
      select: ['RowKey'],
    })) {
      const found = await mapBounded(page.rows, CONCURRENCY, (row) => this.get(String(row.rowKey)));
      for (const workspace of found)
        if (workspace && hasMorningDigest(workspace.record)) yield workspace.record;
    }
  }

  async getMember(id: WorkspaceId, userId: UserId): Promise<Member | undefined> {
    if (!isKeySafeId(id)) return undefined;
    const row = await pointRead(this.records, id, memberKey(userId));
    return row ? readJsonColumns<Member>(row) : undefined;
  }

  /**
   * One point read instead of two: member rows change only in the batch that rewrites the `ws` row
   * (create, changeMembers), and the member row is read AFTER the `ws` row, so a member row cached
   * under the version just read is still the truth. Another process's change shows at once, too.
   */
  async getWithMember(
    id: WorkspaceId,
    userId: UserId,
  ): Promise<{ workspace: Versioned<Workspace>; member?: Member } | undefined> {
    const workspace = await this.get(id);
    if (!workspace) return undefined;
    const key = `${id}\n${userId}`;
    const cached = this.members.get(key);
    let member = cached?.member;
    if (cached?.version !== workspace.version) {
      member = await this.getMember(id, userId);
      this.members.delete(key);
      this.members.set(key, { version: workspace.version, member });
      if (this.members.size > MEMBER_CACHE_SIZE)
        this.members.delete(this.members.keys().next().value as string);
    }
    return member ? { workspace, member } : { workspace };
  }

  async listMembers(id: WorkspaceId): Promise<Member[]> {
    if (!isKeySafeId(id)) return [];
    const rows = await allRows(this.records, rangeFilter(id, prefixRange(MEMBER_PREFIX)));
    return rows.map((row) => readJsonColumns<Member>(row));
  }

  /** Member rows and a rewrite of the `ws` row with the expected ETag, in one batch; then the directory. */
  async changeMembers(
    id: WorkspaceId,
    change: { readonly upsert?: readonly Member[]; readonly remove?: readonly UserId[] },
    expected: Version,
  ): Promise<Result<Version>> {
    const upsert = change.upsert ?? [];
    checkMemberChange(id, upsert, change.remove ?? []);
    const workspace = await this.get(id);
    if (!workspace) return err(notFound());
    if (workspace.version !== expected) return err(stale());
    const current = new Set((await this.listMembers(id)).map((m) => m.userId));
    const remove = (change.remove ?? []).filter((userId) => current.has(userId));
    const actions: TransactionAction[] = [
      ['update', workspaceRow(workspace.record), 'Replace', { etag: expected }],
      ...upsert.map((m): TransactionAction => ['upsert', memberRow(m), 'Replace']),
      ...remove.map((userId): TransactionAction => [
        'delete',
        { partitionKey: id, rowKey: memberKey(userId) },
      ]),
    ];
    if (actions.length > MAX_ACTIONS) {
      throw new Error(`A member change of ${actions.length} rows exceeds one batch`);
    }
    let version: Version;
    try {
      version = etagAt((await this.records.submitTransaction(actions)).subResponses, 0);
    } catch (error) {
      if (isConflict(error)) return err(stale());
      throw error;
    }
    const tenantId = workspace.record.tenantId;
    await Promise.all([
      ...upsert.map((m) => this.directory.upsertEntity(userIndexRow(m), 'Replace')),
      ...remove.map((userId) => deleteIfExists(this.directory, userPartition(tenantId, userId), id)),
    ]);
    return ok(version);
  }
}

function etagAt(subResponses: readonly { etag?: string }[], index: number): Version {
  const etag = subResponses[index]?.etag;
  if (!etag) throw new Error('The transaction returned no ETag');
  return etag as Version;
}

function checkOwner(workspace: Workspace, owner: Member): void {
  if (!isKeySafeId(workspace.id)) {
    throw new Error(`Workspace id ${JSON.stringify(workspace.id)} cannot be a key`);
  }
  if (owner.workspaceId !== workspace.id || owner.tenantId !== workspace.tenantId || owner.role !== 'owner') {
    throw new Error('The first member must be an owner of this workspace, in its tenant');
  }
}

function checkMemberChange(id: WorkspaceId, upsert: readonly Member[], remove: readonly UserId[]): void {
  const users = [...upsert.map((m) => m.userId), ...remove];
  if (new Set(users).size !== users.length) throw new Error('A member change names a user twice');
  if (upsert.some((m) => m.workspaceId !== id)) {
    throw new Error('A member change holds another workspace’s member');
  }
}

const hasMorningDigest = (workspace: Workspace): boolean =>
  workspace.settings.morningDigest?.enabled === true;
