import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { TenantId, UserId, WorkspaceId } from '../common/types';
import type { Membership, WorkspaceRepository } from '../application/ports';
import type { Version, Versioned } from '../records/versions';
import type { Member, Workspace } from '../workspace/workspace';
import { copy, type InMemoryStore } from './in-memory-store';

const stale = () =>
  domainError('CONCURRENCY.STALE', 'The workspace was changed by someone else; reload and try again.');
const notFound = () => domainError('WORKSPACE.NOT_FOUND', 'No such workspace.');
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class InMemoryWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly store: InMemoryStore) {}

  async create(workspace: Workspace, owner: Member): Promise<Result<Versioned<Workspace>>> {
    if (
      owner.workspaceId !== workspace.id ||
      owner.tenantId !== workspace.tenantId ||
      owner.role !== 'owner'
    ) {
      throw new Error('The first member must be an owner of this workspace, in its tenant');
    }
    const binding = workspace.teamId !== undefined ? `${workspace.tenantId}|${workspace.teamId}` : undefined;
    const boundTo = binding !== undefined ? this.store.bindings.get(binding) : undefined;
    if (boundTo !== undefined && boundTo !== workspace.id) {
      return err(domainError('WORKSPACE.TEAM_ALREADY_BOUND', 'This team already has a workspace.'));
    }
    const partition = this.store.partition(workspace.id);
    if (partition.workspace) throw new Error(`Workspace ${workspace.id} already exists`);
    if (binding !== undefined) this.store.bindings.set(binding, workspace.id);
    const version = this.store.nextVersion();
    partition.workspace = { record: copy(workspace), version };
    partition.members.set(owner.userId, copy(owner));
    return ok({ record: copy(workspace), version });
  }

  async get(id: WorkspaceId): Promise<Versioned<Workspace> | undefined> {
    const found = this.store.partitions.get(id)?.workspace;
    return found ? copy(found) : undefined;
  }

  async update(workspace: Workspace, expected: Version): Promise<Result<Versioned<Workspace>>> {
    const partition = this.store.partitions.get(workspace.id);
    if (!partition?.workspace) return err(notFound());
    if (partition.workspace.version !== expected) return err(stale());
    partition.workspace = { record: copy(workspace), version: this.store.nextVersion() };
    return ok(copy(partition.workspace));
  }

  async findByTeam(tenantId: TenantId, teamId: string): Promise<Workspace | undefined> {
    const id = this.store.bindings.get(`${tenantId}|${teamId}`);
    const record = id !== undefined ? this.store.partitions.get(id)?.workspace?.record : undefined;
    return record && record.tenantId === tenantId && record.teamId === teamId ? copy(record) : undefined;
  }

  async listForUser(tenantId: TenantId, userId: UserId): Promise<Membership[]> {
    const memberships: Membership[] = [];
    for (const partition of this.store.partitions.values()) {
      const member = partition.members.get(userId);
      const workspace = partition.workspace?.record;
      if (!member || !workspace || workspace.tenantId !== tenantId || member.tenantId !== tenantId) continue;
      memberships.push({ workspace: copy(workspace), role: member.role });
    }
    return memberships.sort((a, b) => byId(a.workspace, b.workspace));
  }

  async *listAll(): AsyncIterable<Workspace> {
    const all = [...this.store.partitions.values()].flatMap((p) => (p.workspace ? [p.workspace.record] : []));
    for (const workspace of all.sort(byId)) yield copy(workspace);
  }

  async *listWithMorningDigest(): AsyncIterable<Workspace> {
    for await (const workspace of this.listAll()) {
      if (workspace.settings.morningDigest?.enabled) yield workspace;
    }
  }

  async getWithMember(
    id: WorkspaceId,
    userId: UserId,
  ): Promise<{ workspace: Versioned<Workspace>; member?: Member } | undefined> {
    const workspace = await this.get(id);
    if (!workspace) return undefined;
    const member = await this.getMember(id, userId);
    return member ? { workspace, member } : { workspace };
  }

  async getMember(id: WorkspaceId, userId: UserId): Promise<Member | undefined> {
    const member = this.store.partitions.get(id)?.members.get(userId);
    return member ? copy(member) : undefined;
  }

  async listMembers(id: WorkspaceId): Promise<Member[]> {
    const members = [...(this.store.partitions.get(id)?.members.values() ?? [])];
    return copy(members.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)));
  }

  async changeMembers(
    id: WorkspaceId,
    change: { readonly upsert?: readonly Member[]; readonly remove?: readonly UserId[] },
    expected: Version,
  ): Promise<Result<Version>> {
    const upsert = change.upsert ?? [];
    const remove = change.remove ?? [];
    const users = [...upsert.map((m) => m.userId), ...remove];
    if (new Set(users).size !== users.length) throw new Error('A member change names a user twice');
    if (upsert.some((m) => m.workspaceId !== id)) {
      throw new Error('A member change holds another workspace’s member');
    }
    if (users.length + 1 > 100) {
      throw new Error(`A member change of ${users.length + 1} rows exceeds one batch`);
    }
    const partition = this.store.partitions.get(id);
    if (!partition?.workspace) return err(notFound());
    if (partition.workspace.version !== expected) return err(stale());
    for (const member of upsert) partition.members.set(member.userId, copy(member));
    for (const userId of remove) partition.members.delete(userId);
    const version = this.store.nextVersion();
    partition.workspace = { record: partition.workspace.record, version };
    return ok(version);
  }
}
