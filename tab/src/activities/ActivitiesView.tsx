import type { Activity } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { RecordDetail } from '../records/RecordDetail';
import { RecordLink } from '../records/RecordProperties';
import { RecordListView } from '../records/RecordListView';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';
import { ACTIVITY_ENTITY } from './activity-entity';
import { Text } from '@fluentui/react-components';

export type ActivitiesViewProps = { readonly workspaceId: string; readonly recordId?: string };

const PLURAL_OF = {
  lead: 'leads',
  organisation: 'organisations',
  contact: 'contacts',
  opportunity: 'opportunities',
} as const;

/** Every logged call, email, meeting, note and task (logged from the record it concerns). */
export function ActivitiesView({ workspaceId, recordId }: ActivitiesViewProps) {
  const { t } = useTranslation();
  const styles = useRecordDetailStyles();
  if (!recordId) return <RecordListView<Activity> entity={ACTIVITY_ENTITY} workspaceId={workspaceId} />;
  return (
    <RecordDetail<Activity>
      entity={ACTIVITY_ENTITY}
      workspaceId={workspaceId}
      recordId={recordId}
      sections={(activity) => (
        <div className={styles.section}>
          <Text>
            {t(`activities.regardingLabel.${activity.regarding.type}`)}:{' '}
            <RecordLink plural={PLURAL_OF[activity.regarding.type]} id={activity.regarding.id} />
          </Text>
        </div>
      )}
    />
  );
}

export default ActivitiesView;
