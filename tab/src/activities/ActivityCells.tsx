import { Link } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ActivityView } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import { REGARDING_PLURAL } from './ActivityFormDialog';

/** What an activity is about: the record's name, linking to its page (its kind when it is gone). */
export function RegardingLink({ activity }: { readonly activity: ActivityView }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const kind = t(`activities.regardingLabel.${activity.regarding.type}`);
  if (!activity.regardingName) return <>{kind}</>;
  return (
    <Link href={navigation.href(REGARDING_PLURAL[activity.regarding.type], activity.regarding.id)}>
      {activity.regardingName}
    </Link>
  );
}

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
