import type { Member, Organisation, Stage } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';

export type WorkspaceLookups = {
  readonly stages: readonly Stage[];
  readonly staleAfterDays: number;
  readonly defaultCurrency: string;
  readonly members: readonly Member[];
  readonly organisations: ReadonlyMap<string, string>;
  readonly memberName: (userId: string) => string;
  readonly organisationName: (id: string) => string;
  readonly isPending: boolean;
  readonly error: unknown;
};

/**
 * What the opportunity views show beside a deal: the workspace's stages and stale threshold, member
 * names (owners) and organisation names. One page of organisations, sorted by the server; filters
 * and pickers name the first 1,000.
 */
export function useWorkspaceLookups(workspaceId: string): WorkspaceLookups {
  const api = useApi();
  const workspace = useQuery({
    queryKey: queryKeys.workspace(workspaceId),
    queryFn: () => api.getWorkspace(workspaceId),
  });
  const members = useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: () => api.listMembers(workspaceId),
  });
  const organisations = useQuery({
    queryKey: queryKeys.organisationNames(workspaceId),
    queryFn: () => api.list<Organisation>(workspaceId, 'organisations', { limit: '1000' }),
  });
  return useMemo(() => {
    const settings = workspace.data?.settings;
    const memberList = members.data ?? [];
    const orgs = new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name]));
    const names = new Map(memberList.map((m) => [m.userId, m.name ?? m.userId]));
    return {
      stages: settings?.stages ?? [],
      staleAfterDays: settings?.staleAfterDays ?? 0,
      defaultCurrency: settings?.defaultCurrency ?? 'EUR',
      members: memberList,
      organisations: orgs,
      memberName: (userId) => names.get(userId) ?? userId,
      organisationName: (id) => orgs.get(id) ?? '',
      isPending: workspace.isPending || members.isPending || organisations.isPending,
      error: workspace.error ?? members.error ?? organisations.error,
    };
  }, [
    workspace.data,
    workspace.isPending,
    workspace.error,
    members.data,
    members.isPending,
    members.error,
    organisations.data,
    organisations.isPending,
    organisations.error,
  ]);
}
