import { Caption1, Text, Title3 } from '@fluentui/react-components';
import type { Activity, Regarding } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { useCreateRecord } from '../api/mutations';
import { ErrorState, LoadingState } from '../app/StateViews';
import { useFormat } from '../i18n/useFormat';
import { formValuesOf } from '../records/form-field';
import { NewRecordButton } from '../records/NewRecordButton';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';
import { useRecordList } from '../records/useRecordList';
import { ACTIVITY_ENTITY } from './activity-entity';
import { useActivityTimelineStyles } from './ActivityTimeline.styles';

export type ActivityTimelineProps = { readonly workspaceId: string; readonly regarding: Regarding };

/** A record's calls, emails, meetings, notes and tasks, newest first, and "Log activity". */
export function ActivityTimeline({ workspaceId, regarding }: ActivityTimelineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreateRecord<Activity>(workspaceId, 'activities');
  const section = useRecordDetailStyles();
  const styles = useActivityTimelineStyles();
  const list = useRecordList<Activity>(workspaceId, 'activities', {
    regardingType: regarding.type,
    regardingId: regarding.id,
  });
  const activities = [...list.records].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <section className={section.section} aria-labelledby="timeline-heading">
      <Title3 as="h3" id="timeline-heading">
        {t('activities.timeline')}
      </Title3>
      <div>
        <NewRecordButton
          entity={ACTIVITY_ENTITY}
          label={t('activities.log')}
          initial={formValuesOf(ACTIVITY_ENTITY.form)}
          extra={{ regarding }}
          onCreate={async (input) => {
            await create.mutateAsync(input);
          }}
        />
      </div>
      {list.error && <ErrorState error={list.error} />}
      {list.isPending ? (
        <LoadingState />
      ) : activities.length === 0 ? (
        <Text>{t('activities.none')}</Text>
      ) : (
        <ol className={styles.list} aria-label={t('activities.timeline')}>
          {activities.map((activity) => (
            <li key={activity.id} className={styles.item}>
              <Text weight="semibold">
                {t(`activities.typeLabel.${activity.type}`)}: {activity.subject}
              </Text>
              <Caption1>
                {format.dateTime(activity.occurredAt)}
                {activity.outcome ? ` · ${activity.outcome}` : ''}
              </Caption1>
              {activity.notes && <Text>{activity.notes}</Text>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
