import { Caption1, Link, Text, Subtitle2 } from '@fluentui/react-components';
import type { Activity, Regarding } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { ActivityView, PlanNext } from '../api/api-client';
import { useNavigation } from '../app/navigation';
import { ErrorState, LoadingState, NoticeBar, type Notice } from '../app/StateViews';
import { useFormat } from '../i18n/useFormat';
import { PlanNextOffer } from '../my-day/PlanNextOffer';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';
import { useRecordList } from '../records/useRecordList';
import { NewActivityButton } from './ActivityFormDialog';
import { useActivityTimelineStyles } from './ActivityTimeline.styles';

export type ActivityTimelineProps = { readonly workspaceId: string; readonly regarding: Regarding };

/**
 * A record's calls, emails, meetings, notes and tasks, newest first, and "New activity"; logging a
 * done one offers to plan the next.
 */
export function ActivityTimeline({ workspaceId, regarding }: ActivityTimelineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigation = useNavigation();
  const [notice, setNotice] = useState<Notice>();
  const [offer, setOffer] = useState<{ text: string; hint: PlanNext; seq: number }>();
  const section = useRecordDetailStyles();
  const styles = useActivityTimelineStyles();
  const list = useRecordList<Activity>(workspaceId, 'activities', {
    regardingType: regarding.type,
    regardingId: regarding.id,
  });
  const activities = [...list.records].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <section className={section.section} aria-labelledby="timeline-heading">
      <Subtitle2 as="h3" id="timeline-heading">
        {t('activities.timeline')}
      </Subtitle2>
      <div>
        <NewActivityButton
          workspaceId={workspaceId}
          regarding={regarding}
          onCreated={(activity: ActivityView) => {
            const subject = activity.subject;
            if (!activity.completed) {
              setOffer(undefined);
              return setNotice({ intent: 'success', text: t('activityForm.planned', { subject }) });
            }
            setNotice(undefined);
            setOffer((current) => ({
              text: t('activityForm.logged', { subject }),
              hint: { regarding, ownerId: activity.ownerId, ...pick(activity) },
              seq: (current?.seq ?? 0) + 1,
            }));
          }}
        />
      </div>
      <NoticeBar notice={notice} />
      {offer && (
        <PlanNextOffer
          key={offer.seq}
          workspaceId={workspaceId}
          text={offer.text}
          hint={offer.hint}
          onPlanned={() => setOffer(undefined)}
        />
      )}
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
                {t(`activities.typeLabel.${activity.type}`)}:{' '}
                <Link href={navigation.href('activities', activity.id)}>{activity.subject}</Link>
              </Text>
              <Caption1>
                {t(activity.completed ? 'activityList.doneOption.true' : 'activityForm.due')} ·{' '}
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

const pick = (activity: ActivityView) =>
  activity.regardingName !== undefined ? { regardingName: activity.regardingName } : {};
