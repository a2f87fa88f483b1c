import { Link } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ActivityView } from '../api/api-client';
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
