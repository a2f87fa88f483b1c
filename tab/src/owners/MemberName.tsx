import { useQuery } from '@tanstack/react-query';
import { createElement } from 'react';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import type { FieldDescriptor } from '../records/field-descriptor';

/** A member by name (the workspace's member list, cached once for every row). */
export function MemberName({ userId }: { readonly userId: string }) {
  const api = useApi();
  const { workspaceId } = useNavigation();
  const members = useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: () => api.listMembers(workspaceId),
  });
  const member = members.data?.find((m) => m.userId === userId);
  return <>{member?.name ?? userId}</>;
}

/** The Owner column of a list. */
export const ownerColumn = <T extends { readonly ownerId: string }>(): FieldDescriptor<T> => ({
  id: 'owner',
  labelKey: 'owners.owner',
  size: 'name',
  text: () => '',
  cell: (record) => createElement(MemberName, { userId: record.ownerId }),
});
