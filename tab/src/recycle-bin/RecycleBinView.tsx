import { RECORD_VIEW } from '@crm/shared';
import { Title2 } from '@fluentui/react-components';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DeletedRecord, RecordPlural } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { usePurgeRecord, useRestoreRecord } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { ErrorState, LoadingState, NoticeBar } from '../app/StateViews';
import { FormattedDateTime } from '../i18n/Formatted';
import { ConfirmButton } from '../records/ConfirmButton';
import { useNotifiedAction } from '../records/useNotifiedAction';
import { useRecordListStyles } from '../records/RecordListView.styles';
import { RecordTable } from '../records/RecordTable';
import { PAGE_SIZE } from '../records/useRecordList';
import type { FieldDescriptor } from '../records/field-descriptor';

export type RecycleBinViewProps = { readonly workspaceId: string };

const PLURALS: Record<string, RecordPlural> = RECORD_VIEW;

type Row = DeletedRecord & { readonly id: string };

const nameOf = (row: DeletedRecord): string => {
  const r = row.record;
  const person = [r.firstName, r.lastName].filter(Boolean).join(' ');
  return String(r.name ?? r.subject ?? (person || r.id));
};

const COLUMNS: readonly FieldDescriptor<Row>[] = [
  { id: 'name', labelKey: 'recycleBin.name', render: nameOf },
  {
    id: 'kind',
    labelKey: 'recycleBin.kind',
    render: (row, t) => t(`recycleBin.kindLabel.${row.kind}`),
  },
  {
    id: 'deletedAt',
    labelKey: 'recycleBin.deletedAt',
    render: (row) => <FormattedDateTime value={row.deletedAt} />,
  },
  { id: 'deletedBy', labelKey: 'recycleBin.deletedBy', render: (row) => row.deletedBy },
];

/** Owners: deleted records, restored or purged for good. */
export function RecycleBinView({ workspaceId }: RecycleBinViewProps) {
  const { t } = useTranslation();
  const api = useApi();
  const restore = useRestoreRecord(workspaceId);
  const purge = usePurgeRecord(workspaceId);
  const styles = useRecordListStyles();
  const { notice, run } = useNotifiedAction();
  const bin = useInfiniteQuery({
    queryKey: queryKeys.recycleBin(workspaceId),
    queryFn: ({ pageParam }) =>
      api.recycleBin(workspaceId, { limit: String(PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows: Row[] = (bin.data?.pages.flatMap((p) => p.items) ?? []).map((item) => ({
    ...item,
    id: `${item.kind}:${item.record.id}`,
  }));

  return (
    <section className={styles.view} aria-labelledby="recycle-bin-heading">
      <Title2 as="h2" id="recycle-bin-heading">
        {t('recycleBin.heading')}
      </Title2>
      <NoticeBar notice={notice} />
      {bin.isError && <ErrorState error={bin.error} onRetry={() => void bin.refetch()} />}
      {bin.isPending ? (
        <LoadingState />
      ) : (
        <RecordTable
          label={t('recycleBin.heading')}
          fields={COLUMNS}
          records={rows}
          emptyText={t('recycleBin.empty')}
          hasMore={bin.hasNextPage}
          loadingMore={bin.isFetchingNextPage}
          onLoadMore={() => void bin.fetchNextPage()}
          actionsLabel={t('table.actions')}
          actions={(row) => {
            const plural = PLURALS[row.kind];
            const name = nameOf(row);
            if (!plural) return null;
            return (
              <>
                <ConfirmButton
                  label={t('recycleBin.restore')}
                  ariaLabel={t('recycleBin.restoreName', { name })}
                  title={t('recycleBin.restoreName', { name })}
                  confirmLabel={t('recycleBin.restore')}
                  onConfirm={() =>
                    run(
                      () => restore.mutateAsync({ plural, id: row.record.id }),
                      t('recycleBin.restored', { name }),
                    )
                  }
                />
                <ConfirmButton
                  label={t('recycleBin.purge')}
                  ariaLabel={t('recycleBin.purgeName', { name })}
                  title={t('recycleBin.purgeName', { name })}
                  text={t('recycleBin.purgeText')}
                  confirmLabel={t('recycleBin.purge')}
                  onConfirm={() =>
                    run(
                      () => purge.mutateAsync({ plural, id: row.record.id }),
                      t('recycleBin.purged', { name }),
                    )
                  }
                />
              </>
            );
          }}
        />
      )}
    </section>
  );
}

export default RecycleBinView;
