import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import type { FieldDescriptor } from '../records/field-descriptor';

/**
 * People by name, from the workspace's member list (cached once for every row and page): a member's
 * name, or "a former member" for someone no longer in the workspace (never their id). Empty while
 * the list loads.
 */
export function useMemberName(): (userId: string) => string {
  const { t } = useTranslation();
  const api = useApi();
  const { workspaceId } = useNavigation();
  const members = useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: () => api.listMembers(workspaceId),
  });
  const data = members.data;
  return useCallback(
    (userId: string) => {
      if (!data) return '';
      const member = data.find((m) => m.userId === userId);
      // A member added without a name (through the API) is known only by the id Settings lists.
      return member ? (member.name ?? member.userId) : t('people.former');
    },
    [data, t],
  );
}

/** A member by name. */
export function MemberName({ userId }: { readonly userId: string }) {
  return <>{useMemberName()(userId)}</>;
}

/** The Owner column of a list: the name from the table's one member list (blank while it loads). */
export const ownerColumn = <T extends { readonly ownerId: string }>(): FieldDescriptor<T> => ({
  id: 'owner',
  labelKey: 'owners.owner',
  size: 'name',
  text: (record, { memberName }) => memberName(record.ownerId),
});
