import type { Activity } from '@crm/shared';
import { Link } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ActivityView } from '../api/api-client';
import { useNavigation } from '../app/navigation';
import { useFormat } from '../i18n/useFormat';
import { useActivityCellStyles } from './ActivityCells.styles';
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

/**
 * When an activity is or was, short (Pipedrive's way), the whole date and time in the cell's title:
 * "Today · 4:30 PM", "Dec 12 · 9:00 AM", "Oct 28 · 5:22 PM" for a done one; an open one past its
 * time in red, as "2 days overdue" from the next day on (earlier today: told to a screen reader).
 */
export function ActivityWhen({
  activity,
}: {
  readonly activity: Pick<Activity, 'occurredAt' | 'completed'>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useActivityCellStyles();
  const now = Date.now();
  const { occurredAt } = activity;
  const overdue = !activity.completed && Date.parse(occurredAt) < now;
  const day = format.day(occurredAt, now);
  const due = format.due(occurredAt, now);
  const daysOverdue = overdue && due !== day;
  return (
    <span className={overdue ? styles.overdue : undefined} data-when={overdue ? 'overdue' : undefined}>
      {overdue && !daysOverdue && <span className={styles.overdueWord}>{t('pipeline.overdue')} </span>}
      {daysOverdue ? due : `${day} · ${format.time(occurredAt)}`}
    </span>
  );
}
