import { RECORD_VIEW } from '@crm/shared';
import { Title2 } from '@fluentui/react-components';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DeletedRecord, RecordPlural } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { usePurgeRecord, useRestoreRecord } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { ErrorState, LoadingState, NoticeBar } from '../app/StateViews';
import { useNotifiedAction } from '../records/useNotifiedAction';
import { useRecordListStyles } from '../records/RecordListView.styles';
import { RecordTable } from '../records/RecordTable';
import { PAGE_SIZE } from '../records/useRecordList';
import { dateField, textField, type FieldDescriptor } from '../records/field-descriptor';
import { RecordCount } from '../records/RecordCount';

export type RecycleBinViewProps = { readonly workspaceId: string };

const PLURALS: Record<string, RecordPlural> = RECORD_VIEW;

type Row = DeletedRecord & { readonly id: string };

const nameOf = (row: DeletedRecord): string => {
  const r = row.record;
  const person = [r.firstName, r.lastName].filter(Boolean).join(' ');
  return String(r.name ?? r.subject ?? (person || r.id));
};

const COLUMNS: readonly FieldDescriptor<Row>[] = [
  textField('name', 'recycleBin.name', nameOf, 'name'),
  {
    id: 'kind',
    labelKey: 'recycleBin.kind',
    size: 'enum',
    text: (row, { t }) => t(`recycleBin.kindLabel.${row.kind}`),
  },
  dateField('deletedAt', 'recycleBin.deletedAt', (row) => row.deletedAt, 'dateTime'),
  textField('deletedBy', 'recycleBin.deletedBy', (row) => row.deletedBy),
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
      <div className={styles.heading}>
        <div className={styles.title}>
          <Title2 as="h2" id="recycle-bin-heading" className={styles.titleText}>
            {t('recycleBin.heading')}
          </Title2>
          {bin.data && <RecordCount ns="recycleBin" count={rows.length} more={bin.hasNextPage} />}
        </div>
      </div>
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
          name={nameOf}
          hasMore={bin.hasNextPage}
          loadingMore={bin.isFetchingNextPage}
          onLoadMore={() => void bin.fetchNextPage()}
          cardFields={['kind', 'deletedAt']}
          actions={(row) => {
            const plural = PLURALS[row.kind];
            const name = nameOf(row);
            if (!plural) return [];
            return [
              {
                id: 'restore',
                label: t('recycleBin.restore'),
                run: () =>
                  run(
                    () => restore.mutateAsync({ plural, id: row.record.id }),
                    t('recycleBin.restored', { name }),
                  ),
              },
              {
                id: 'purge',
                label: t('recycleBin.purge'),
                confirm: {
                  title: t('recycleBin.purgeName', { name }),
                  text: t('recycleBin.purgeText'),
                  confirmLabel: t('recycleBin.purge'),
                },
                run: () =>
                  run(
                    () => purge.mutateAsync({ plural, id: row.record.id }),
                    t('recycleBin.purged', { name }),
                  ),
              },
            ];
          }}
        />
      )}
    </section>
  );
}

export default RecycleBinView;
