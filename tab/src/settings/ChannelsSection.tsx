import { Text, Subtitle2 } from '@fluentui/react-components';
import type { SubscribedChannel } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { useRemoveChannel } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { ErrorState, LoadingState, NoticeBar } from '../app/StateViews';
import { dateField, textField, type FieldDescriptor } from '../records/field-descriptor';
import { RecordTable } from '../records/RecordTable';
import { useNotifiedAction } from '../records/useNotifiedAction';
import { useSettingsStyles } from './SettingsView.styles';

export type ChannelsSectionProps = { readonly workspaceId: string };

type Row = SubscribedChannel & { readonly id: string; readonly etag: string };

const channelName = (c: SubscribedChannel, t: TFunction) =>
  c.channelName ?? (c.general ? t('channels.general') : t('channels.unnamed'));

/** A channel as people name it: "Sales › General". */
const channelLabel = (c: SubscribedChannel, t: TFunction) => {
  const name = channelName(c, t);
  return c.teamName ? `${c.teamName} › ${name}` : name;
};

const COLUMNS: readonly FieldDescriptor<Row>[] = [
  { id: 'channel', labelKey: 'channels.channel', size: 'name', text: (c, { t }) => channelName(c, t) },
  textField('team', 'channels.team', (c) => c.teamName),
  {
    id: 'topics',
    labelKey: 'channels.topics',
    size: 'long',
    text: (c, { t }) =>
      c.topics.length === 0
        ? t('channels.nothing')
        : c.topics.map((topic) => t(`channels.topic.${topic}`)).join(', '),
  },
  dateField('changed', 'channels.changed', (c) => c.updatedAt, 'dateTime'),
  {
    id: 'state',
    labelKey: 'channels.state',
    size: 'enum',
    text: (c, { t }) => (c.broken ? t('channels.broken') : t('channels.posting')),
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
      <Subtitle2 as="h3" id="channels-heading">
        {t('channels.heading')}
      </Subtitle2>
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
          name={(channel) => channelLabel(channel, t)}
          actions={(channel) => {
            const label = channelLabel(channel, t);
            return [
              {
                id: 'remove',
                label: t('channels.remove'),
                confirm: {
                  title: t('channels.removeName', { name: label }),
                  text: t('channels.removeText'),
                  confirmLabel: t('channels.remove'),
                },
                run: () => run(() => remove.mutateAsync(channel), t('channels.removed', { name: label })),
              },
            ];
          }}
        />
      )}
    </section>
  );
}
