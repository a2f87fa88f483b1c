import type { Activity } from '@crm/shared';
import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityView } from '../api/api-client';
import { RecordDetail } from '../records/RecordDetail';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';
import { RecordListView } from '../records/RecordListView';
import { ACTIVITY_ENTITY } from './activity-entity';
import { RegardingLink } from './ActivityCells';
import { NewActivityButton } from './ActivityFormDialog';
import { dueQuery, type DueFilterValue } from './due-filter';
import { DueFilter } from './DueFilter';

export type ActivitiesViewProps = {
  readonly workspaceId: string;
  readonly recordId?: string;
  /** Search debounce; tests pass 0. */
  readonly debounceMs?: number;
};

/** Every call, email, meeting, note and task: filters by type, owner, due and done; "New activity". */
export function ActivitiesView({ workspaceId, recordId, debounceMs }: ActivitiesViewProps) {
  const { t } = useTranslation();
  const styles = useRecordDetailStyles();
  const [due, setDue] = useState<DueFilterValue>({ choice: '', from: '', to: '' });
  if (!recordId)
    return (
      <RecordListView<Activity>
        entity={ACTIVITY_ENTITY}
        workspaceId={workspaceId}
        {...(debounceMs !== undefined ? { debounceMs } : {})}
        extraQuery={dueQuery(due, new Date())}
        tools={
          <>
            <DueFilter value={due} onChange={setDue} />
            <NewActivityButton workspaceId={workspaceId} />
          </>
        }
      />
    );
  return (
    <RecordDetail<Activity>
      entity={ACTIVITY_ENTITY}
      workspaceId={workspaceId}
      recordId={recordId}
      sections={(activity) => (
        <div className={styles.section}>
          <Text>
            {t('activities.field.regarding')}: <RegardingLink activity={activity as ActivityView} />
          </Text>
        </div>
      )}
    />
  );
}

export default ActivitiesView;
