import type { Activity } from '@crm/shared';
import { Text } from '@fluentui/react-components';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityView, WithEtag } from '../api/api-client';
import { useCompleteActivity, useReopenActivity } from '../api/mutations';
import { useToast } from '../app/Toasts';
import type { RowAction } from '../records/row-action';
import { RecordDetail } from '../records/RecordDetail';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';
import { RecordListView, type OwnFilters } from '../records/RecordListView';
import { ACTIVITY_ENTITY } from './activity-entity';
import { activityRefusal } from './activity-refusal';
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
  const actions = useDoneActions(workspaceId);
  if (!recordId)
    return (
      <RecordListView<Activity>
        entity={ACTIVITY_ENTITY}
        workspaceId={workspaceId}
        {...(debounceMs !== undefined ? { debounceMs } : {})}
        ownFilters={DUE_FILTER}
        actions={actions}
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

/**
 * A row's "Mark as done" (an open activity) or "Reopen" (a done one), as My day's check box does
 * it: the activity's own ETag, the lead's or deal's next activity rewritten by the server, and a
 * toast that says what happened or why not (changed by someone else meanwhile: reload and retry).
 */
function useDoneActions(workspaceId: string) {
  const { t } = useTranslation();
  const toast = useToast();
  // The mutations' functions, not their results: those change every render, and the rows' actions
  // keep their identity so that rows do not re-render for nothing.
  const complete = useCompleteActivity(workspaceId).mutateAsync;
  const reopen = useReopenActivity(workspaceId).mutateAsync;
  return useCallback(
    (activity: WithEtag<Activity>): readonly RowAction[] => {
      const subject = activity.subject;
      const run = (change: typeof complete | typeof reopen, done: string) => async () => {
        try {
          await change(activity);
          toast({ intent: 'success', text: done });
        } catch (error) {
          toast(activityRefusal(error, subject, t));
        }
      };
      return activity.completed
        ? [
            {
              id: 'reopen',
              label: t('activityList.reopen'),
              run: run(reopen, t('myDay.reopened', { subject })),
            },
          ]
        : [
            {
              id: 'done',
              label: t('activityList.markDone'),
              run: run(complete, t('myDay.doneNotice', { subject })),
            },
          ];
    },
    [t, toast, complete, reopen],
  );
}

export default ActivitiesView;
