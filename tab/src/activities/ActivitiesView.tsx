import type { Activity } from '@crm/shared';
import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ActivityView } from '../api/api-client';
import { RecordDetail } from '../records/RecordDetail';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';
import { RecordListView, type OwnFilters } from '../records/RecordListView';
import { ACTIVITY_ENTITY } from './activity-entity';
import { RegardingLink } from './ActivityCells';
import { NewActivityButton } from './ActivityFormDialog';
import { DUE_PARAMS, dueFromAddress, dueQuery, dueToAddress } from './due-filter';
import { DueFilter } from './DueFilter';

export type ActivitiesViewProps = {
  readonly workspaceId: string;
  readonly recordId?: string;
  /** Search debounce; tests pass 0. */
  readonly debounceMs?: number;
};

/** The Due filter, kept in the address (`due=overdue`, `due=range&dueStart=…&dueEnd=…`) like the others. */
const DUE_FILTER: OwnFilters = {
  names: DUE_PARAMS,
  controls: (values, set) => (
    <DueFilter value={dueFromAddress(values)} onChange={(value) => set(dueToAddress(value))} />
  ),
  // Days are cut where the reader is, today's date read as the list is drawn.
  query: (values) => dueQuery(dueFromAddress(values), new Date()),
};

/** Every call, email, meeting, note and task: filters by type, owner, due and done; "New activity". */
export function ActivitiesView({ workspaceId, recordId, debounceMs }: ActivitiesViewProps) {
  const { t } = useTranslation();
  const styles = useRecordDetailStyles();
  if (!recordId)
    return (
      <RecordListView<Activity>
        entity={ACTIVITY_ENTITY}
        workspaceId={workspaceId}
        {...(debounceMs !== undefined ? { debounceMs } : {})}
        ownFilters={DUE_FILTER}
        tools={<NewActivityButton workspaceId={workspaceId} />}
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
