import { Text, Title3 } from '@fluentui/react-components';
import type { SubscribedChannel } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { useRemoveChannel } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { ErrorState, LoadingState, NoticeBar } from '../app/StateViews';
import { ConfirmButton } from '../records/ConfirmButton';
import { dateField, textField, type FieldDescriptor } from '../records/field-descriptor';
import { RecordTable } from '../records/RecordTable';
import { useNotifiedAction } from '../records/useNotifiedAction';
import { useSettingsStyles } from './SettingsView.styles';

export type ChannelsSectionProps = { readonly workspaceId: string };

type Row = SubscribedChannel & { readonly id: string; readonly etag: string };

const channelName = (c: SubscribedChannel, t: TFunction) =>
  c.channelName ?? (c.general ? t('channels.general') : t('channels.unnamed'));

const COLUMNS: readonly FieldDescriptor<Row>[] = [
  { id: 'channel', labelKey: 'channels.channel', render: channelName },
  textField('team', 'channels.team', (c) => c.teamName),
  {
    id: 'topics',
    labelKey: 'channels.topics',
    render: (c, t) =>
      c.topics.length === 0
        ? t('channels.nothing')
        : c.topics.map((topic) => t(`channels.topic.${topic}`)).join(', '),
  },
  dateField('changed', 'channels.changed', (c) => c.updatedAt, 'dateTime'),
  {
    id: 'state',
    labelKey: 'channels.state',
    render: (c, t) => (c.broken ? t('channels.broken') : t('channels.posting')),
  },
];

/**
 * The Teams channels that hear the workspace's news (a channel subscribes with the bot's `subscribe`):
 * owners see every one and can take one off, guarded by the ETag they saw.
 */
export function ChannelsSection({ workspaceId }: ChannelsSectionProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useSettingsStyles();
  const channels = useQuery({
    queryKey: queryKeys.channels(workspaceId),
    queryFn: () => api.listChannels(workspaceId),
  });
  const { notice, run } = useNotifiedAction();
  const remove = useRemoveChannel(workspaceId);
  const rows: Row[] = (channels.data ?? []).map((c) => ({ ...c, id: c.conversationId }));

  return (
    <section className={styles.view} aria-labelledby="channels-heading">
      <Title3 as="h3" id="channels-heading">
        {t('channels.heading')}
      </Title3>
      <Text className={styles.announcement}>{t('channels.hint')}</Text>
      <NoticeBar notice={notice} />
      {channels.isError && <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />}
      {channels.isPending ? (
        <LoadingState />
      ) : (
        <RecordTable
          label={t('channels.heading')}
          fields={COLUMNS}
          records={rows}
          emptyText={t('channels.none')}
          actionsLabel={t('table.actions')}
          actions={(channel) => {
            const name = channelName(channel, t);
            const label = channel.teamName ? `${channel.teamName} › ${name}` : name;
            return (
              <ConfirmButton
                label={t('channels.remove')}
                ariaLabel={t('channels.removeName', { name: label })}
                title={t('channels.removeName', { name: label })}
                text={t('channels.removeText')}
                confirmLabel={t('channels.remove')}
                onConfirm={() =>
                  run(() => remove.mutateAsync(channel), t('channels.removed', { name: label }))
                }
              />
            );
          }}
        />
      )}
    </section>
  );
}
