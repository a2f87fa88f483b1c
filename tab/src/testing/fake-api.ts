import {
  parseSort,
  sortComparator,
  sortEntry,
  validateStageConfig,
  type Lead,
  type Member,
  type SubscribedChannel,
} from '@crm/shared';
import type {
  ApiClient,
  ConversionMatches,
  DeletedRecord,
  ListQuery,
  RecordPlural,
  WithEtag,
  WorkspaceSummary,
} from '../api/api-client';
import { ApiError } from '../api/api-error';
import { KIND_OF } from '../records/useListSort';

type Row = Record<string, unknown> & { id: string; etag: string };

const PAGING = new Set(['limit', 'cursor', 'q', 'sort']);

/** `sort` as the server applies it (shared's order), or its refusal above the cap. */
function sorted(plural: RecordPlural, items: Row[], sort: string | undefined, cap: number): Row[] {
  if (!sort) return items;
  const kind = KIND_OF[plural];
  const parsed = parseSort(kind, sort);
  if (!parsed.ok) throw new ApiError(400, parsed.error.code);
  if (items.length > cap) throw new ApiError(400, 'LIST.TOO_MANY_TO_SORT');
  const compare = sortComparator(kind, parsed.value);
  const entry = (row: Row) => sortEntry(kind, parsed.value.field, row.id, row);
  return [...items].sort((a, b) => compare(entry(a), entry(b)));
}

/** A filter's value on a row; an activity's `regardingType`/`regardingId` live in `regarding`. */
const field = (row: Row, name: string): unknown => {
  const regarding = row.regarding as { type?: string; id?: string } | undefined;
  if (name === 'regardingType') return regarding?.type;
  if (name === 'regardingId') return regarding?.id;
  return row[name];
};

/**
 * An in-memory API for component specs: records per kind with ETags (a stale one is a 412, as on the
 * server), search over every text value, exact-match filters, and a log of what was sent.
 */
export function fakeApi(seed: Partial<Record<RecordPlural, Array<Record<string, unknown>>>> = {}) {
  const store = new Map<RecordPlural, Row[]>();
  let next = 1;
  for (const [plural, rows] of Object.entries(seed) as [RecordPlural, Record<string, unknown>[]][])
    store.set(
      plural,
      rows.map((row) => ({ id: `${plural}-${next++}`, etag: '"1"', ...row }) as Row),
    );
  const rows = (plural: RecordPlural) => store.get(plural) ?? [];
  const sent: Array<{ call: string; body?: unknown; query?: ListQuery }> = [];
  const bump = (etag: string) => `"${Number(etag.replace(/"/g, '')) + 1}"`;
  let matches: ConversionMatches = { organisations: [], contacts: [] };
  let workspace = {
    id: 'ws',
    name: 'Sales',
    role: 'owner',
    etag: '"1"',
    settings: {
      defaultCurrency: 'EUR',
      staleAfterDays: 30,
      stages: [
        { id: 'prospecting', probability: 10, forecastCategory: 'pipeline', kind: 'open' },
        { id: 'closed-won', probability: 100, forecastCategory: 'closed', kind: 'won' },
        { id: 'closed-lost', probability: 0, forecastCategory: 'omitted', kind: 'lost' },
      ],
    },
  } as unknown as WithEtag<WorkspaceSummary>;
  let members: Member[] = [{ userId: 'erin', role: 'owner', name: 'Erin' } as Member];
  let bin: DeletedRecord[] = [];
  let channels: WithEtag<SubscribedChannel>[] = [
    {
      conversationId: '19:general@thread.tacv2',
      teamId: '19:general@thread.tacv2',
      teamName: 'Sales Nordics',
      general: true,
      topics: ['conversions', 'stages', 'won'],
      updatedAt: '2026-11-02T10:00:00Z',
      updatedBy: 'erin',
      etag: '"1"',
    },
    {
      conversationId: '19:wins@thread.tacv2',
      teamId: '19:general@thread.tacv2',
      teamName: 'Sales Nordics',
      channelName: 'Wins',
      general: false,
      topics: ['won'],
      updatedAt: '2026-11-03T10:00:00Z',
      updatedBy: 'erin',
      etag: '"1"',
    },
  ];
  let sortCap = Number.POSITIVE_INFINITY;

  const find = (plural: RecordPlural, id: string): Row => {
    const row = rows(plural).find((r) => r.id === id);
    if (!row) throw new ApiError(404, 'RECORD.NOT_FOUND');
    return row;
  };
  const replace = (plural: RecordPlural, row: Row) =>
    store.set(
      plural,
      rows(plural).map((r) => (r.id === row.id ? row : r)),
    );
  const update = (plural: RecordPlural, record: { id: string; etag: string }, patch: object): Row => {
    const current = find(plural, record.id);
    if (current.etag !== record.etag) throw new ApiError(412, 'CONCURRENCY.STALE');
    const changed = { ...current, ...patch, etag: bump(current.etag) } as Row;
    replace(plural, changed);
    return changed;
  };

  const api: ApiClient = {
    listWorkspaces: async () => [workspace],
    createWorkspace: async () => workspace,
    list: async <T>(_ws: string, plural: RecordPlural, query: ListQuery) => {
      sent.push({ call: `list ${plural}`, query });
      const items = rows(plural).filter(
        (row) =>
          (!query.q ||
            Object.values(row).some(
              (v) => typeof v === 'string' && v.toLowerCase().includes(query.q!.toLowerCase()),
            )) &&
          Object.entries(query).every(
            ([name, value]) => PAGING.has(name) || !value || field(row, name) === value,
          ),
      );
      const ordered = sorted(plural, items, query.sort, sortCap);
      return { items: ordered as unknown as WithEtag<T>[], nextCursor: null };
    },
    get: async <T>(_ws: string, plural: RecordPlural, id: string) =>
      find(plural, id) as unknown as WithEtag<T>,
    create: async <T>(_ws: string, plural: RecordPlural, input: unknown) => {
      sent.push({ call: `create ${plural}`, body: input });
      const row = { id: `${plural}-${next++}`, etag: '"1"', ...(input as object) } as Row;
      store.set(plural, [...rows(plural), row]);
      return row as unknown as WithEtag<T>;
    },
    update: async <T extends { id: string }>(
      _ws: string,
      plural: RecordPlural,
      record: WithEtag<T>,
      patch: Record<string, unknown>,
    ) => {
      sent.push({ call: `update ${plural}`, body: patch });
      return update(plural, record, patch) as unknown as WithEtag<T>;
    },
    remove: async (_ws, plural, record) => {
      sent.push({ call: `remove ${plural}` });
      find(plural, record.id);
      store.set(
        plural,
        rows(plural).filter((r) => r.id !== record.id),
      );
    },
    restore: async (_ws, plural, id) => {
      sent.push({ call: `restore ${plural}`, body: id });
      bin = bin.filter((d) => d.record.id !== id);
    },
    listLeads: (ws, query) => api.list<Lead>(ws, 'leads', query),
    createLead: (ws, input) => api.create<Lead>(ws, 'leads', input),
    updateLead: (ws, lead, patch) => api.update<Lead>(ws, 'leads', lead, patch),
    convertLead: async (_ws, id, input) => {
      sent.push({ call: 'convert', body: input });
      const lead = find('leads', id);
      const organisation =
        (input.organisationId && find('organisations', input.organisationId)) ||
        ({ id: `organisations-${next++}`, etag: '"1"', name: lead.company, status: 'prospect' } as Row);
      const converted = update('leads', lead, { status: 'closed-converted' });
      return {
        lead: converted,
        organisation,
        contact: { firstName: lead.firstName, lastName: lead.lastName },
        opportunity: { name: `${String(organisation.name)} – deal` },
      } as never;
    },
    conversionMatches: async () => matches,
    disqualifyLead: async (_ws, lead, reason) =>
      update('leads', lead, { status: 'closed-not-converted', disqualificationReason: reason }) as never,
    report: async () => ({ rows: [] }) as never,
    opportunityHistory: async (_ws, id) => {
      find('opportunities', id);
      return [];
    },
    getWorkspace: async () => workspace,
    updateWorkspace: async (_ws, seen, patch) => {
      sent.push({ call: 'update workspace', body: patch });
      if (seen.etag !== workspace.etag) throw new ApiError(412, 'CONCURRENCY.STALE');
      const { name, ...settings } = patch as { name?: string; stages?: unknown };
      if (settings.stages !== undefined) {
        // The server's rules: the shared stage check, and no stage goes while deals stand in it.
        const checked = validateStageConfig(settings.stages);
        if (!checked.ok) throw new ApiError(400, checked.error.code);
        const kept = new Set(checked.value.map((s) => s.id));
        const inUse = rows('opportunities').find((r) => r.stage !== undefined && !kept.has(String(r.stage)));
        if (inUse) throw new ApiError(409, 'WORKSPACE.STAGE_IN_USE', [], undefined, { stage: inUse.stage });
        settings.stages = checked.value;
      }
      workspace = {
        ...workspace,
        ...(name ? { name } : {}),
        settings: { ...workspace.settings, ...settings },
        etag: bump(workspace.etag),
      } as never;
      return workspace;
    },
    listMembers: async () => members,
    addMember: async (_ws, member) => {
      members = [...members, member as Member];
      return member as Member;
    },
    changeMemberRole: async (_ws, userId, role) => {
      members = members.map((m) => (m.userId === userId ? { ...m, role } : m));
      return members.find((m) => m.userId === userId)!;
    },
    removeMember: async (_ws, userId) => {
      members = members.filter((m) => m.userId !== userId);
    },
    listChannels: async () => channels,
    removeChannel: async (_ws, channel) => {
      sent.push({ call: 'remove channel', body: channel });
      const current = channels.find((c) => c.conversationId === channel.conversationId);
      if (!current) throw new ApiError(404, 'CHANNEL.NOT_FOUND');
      if (current.etag !== channel.etag) throw new ApiError(412, 'CONCURRENCY.STALE');
      channels = channels.filter((c) => c !== current);
    },
    recycleBin: async () => ({ items: bin, nextCursor: null }),
    purge: async (_ws, _plural, id) => {
      sent.push({ call: 'purge', body: id });
      bin = bin.filter((d) => d.record.id !== id);
    },
    importLeads: async () => ({
      kind: 'done',
      result: {
        total: 0,
        processedRows: 0,
        created: 0,
        duplicateCount: 0,
        errorCount: 0,
        duplicates: [],
        errors: [],
      },
    }),
    importJob: async () => {
      throw new ApiError(404, 'IMPORT.NOT_FOUND');
    },
    exportCsv: async () => new Blob([]),
  };
  return {
    api,
    sent,
    rows,
    setMatches: (next: ConversionMatches) => (matches = next),
    setRecycleBin: (items: DeletedRecord[]) => (bin = items),
    /** More matching records than this make a sorted list LIST.TOO_MANY_TO_SORT, as SORT_CAP does. */
    setSortCap: (cap: number) => (sortCap = cap),
    /** Someone changes a channel's topics: the page's ETag for it is now stale. */
    changeChannelBehindTheScenes: (conversationId: string) => {
      channels = channels.map((c) =>
        c.conversationId === conversationId ? { ...c, etag: bump(c.etag) } : c,
      );
    },
    /** Another owner saves the settings: the page's copy is now stale. */
    changeWorkspaceBehindTheScenes: (name: string) => {
      workspace = { ...workspace, name, etag: bump(workspace.etag) };
    },
    /** Another user changes a record: the page's copy is now stale. */
    changeBehindTheScenes: (plural: RecordPlural, id: string, patch: object) => {
      const current = find(plural, id);
      replace(plural, { ...current, ...patch, etag: bump(current.etag) } as Row);
    },
  };
}
