import { Text, Subtitle2 } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import type { UndeliveredNotification } from '../api/api-client';
import { useRequeueUndelivered } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { ErrorState, LoadingState, NoticeBar } from '../app/StateViews';
import { dateField, textField, type FieldDescriptor } from '../records/field-descriptor';
import { RecordTable } from '../records/RecordTable';
import { useNotifiedAction } from '../records/useNotifiedAction';
import { useSettingsStyles } from './SettingsView.styles';

export type UndeliveredSectionProps = { readonly workspaceId: string };

type Row = UndeliveredNotification & { readonly id: string };

const COLUMNS: readonly FieldDescriptor<Row>[] = [
  {
    id: 'what',
    labelKey: 'undelivered.what',
    size: 'enum',
    text: (n, { t }) => t(`undelivered.type.${n.type}`, { defaultValue: n.type }),
  },
  dateField('happened', 'undelivered.happened', (n) => n.occurredAt, 'dateTime'),
  {
    id: 'where',
    labelKey: 'undelivered.where',
    size: 'text',
    text: (n, { t }) =>
      n.targets.length === 0
        ? t('undelivered.noTargets')
        : t('undelivered.targets', {
            sent: n.sent,
            total: n.targets.length,
          }),
  },
  textField('error', 'undelivered.error', (n) => n.lastError, 'long'),
  dateField('gaveUp', 'undelivered.gaveUp', (n) => n.deadAt, 'dateTime'),
];

/**
 * Notifications the bot gave up on after its attempts (a channel that kept failing, recipients that
 * could not be worked out): owners see why and send one again; channels that had it keep their post.
 */
export function UndeliveredSection({ workspaceId }: UndeliveredSectionProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useSettingsStyles();
  const undelivered = useQuery({
    queryKey: queryKeys.undelivered(workspaceId),
    queryFn: () => api.listUndelivered(workspaceId),
  });
  const { notice, run } = useNotifiedAction();
  const requeue = useRequeueUndelivered(workspaceId);
  const rows: Row[] = (undelivered.data ?? []).map((n) => ({ ...n, id: n.eventId }));

  return (
    <section className={styles.view} aria-labelledby="undelivered-heading">
      <Subtitle2 as="h3" id="undelivered-heading">
        {t('undelivered.heading')}
      </Subtitle2>
      <Text className={styles.announcement}>{t('undelivered.hint')}</Text>
      <NoticeBar notice={notice} />
      {undelivered.isError && (
        <ErrorState error={undelivered.error} onRetry={() => void undelivered.refetch()} />
      )}
      {undelivered.isPending ? (
        <LoadingState />
      ) : (
        <RecordTable
          label={t('undelivered.heading')}
          fields={COLUMNS}
          records={rows}
          emptyText={t('undelivered.none')}
          name={(n) => t(`undelivered.type.${n.type}`, { defaultValue: n.type })}
          actions={(n) => {
            const what = t(`undelivered.type.${n.type}`, { defaultValue: n.type });
            return [
              {
                id: 'requeue',
                label: t('undelivered.sendAgain'),
                disabled: requeue.isPending,
                run: () => run(() => requeue.mutateAsync(n.eventId), t('undelivered.sentAgain', { what })),
              },
            ];
          }}
        />
      )}
    </section>
  );
}
