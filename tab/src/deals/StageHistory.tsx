import { Caption1, Text, Subtitle2 } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { ErrorState, LoadingState } from '../app/StateViews';
import { useActivityTimelineStyles } from '../activities/ActivityTimeline.styles';
import { useFormat } from '../i18n/useFormat';
import { useMemberName } from '../owners/MemberName';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';

export type StageHistoryProps = {
  readonly workspaceId: string;
  readonly dealId: string;
  readonly stageName: (id: string) => string;
};

/** A deal's stage changes, newest first: from → to, who (by name) and when. */
export function StageHistory({ workspaceId, dealId, stageName }: StageHistoryProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const memberName = useMemberName();
  const section = useRecordDetailStyles();
  const styles = useActivityTimelineStyles();
  const history = useQuery({
    queryKey: queryKeys.stageHistory(workspaceId, dealId),
    queryFn: () => api.opportunityHistory(workspaceId, dealId),
  });
  const changes = [...(history.data ?? [])].reverse();
  return (
    <section className={section.section} aria-labelledby="stage-history-heading">
      <Subtitle2 as="h3" id="stage-history-heading">
        {t('dealPage.history')}
      </Subtitle2>
      {history.isPending ? (
        <LoadingState />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : changes.length === 0 ? (
        <Text>{t('dealPage.historyEmpty')}</Text>
      ) : (
        <ol className={styles.list} aria-label={t('dealPage.history')}>
          {changes.map((change) => (
            <li key={change.id} className={styles.item}>
              <Text weight="semibold">
                {change.from === undefined
                  ? t('dealPage.historyStart', { to: stageName(change.to) })
                  : t(change.reopened ? 'dealPage.historyReopened' : 'dealPage.historyMove', {
                      from: stageName(change.from),
                      to: stageName(change.to),
                    })}
              </Text>
              <Caption1>
                {t('dealPage.historyBy', { who: memberName(change.by), when: format.dateTime(change.at) })}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
