import { Subtitle2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '../api/api-client';
import { useNavigation } from '../app/navigation';
import { ErrorState, LoadingState } from '../app/StateViews';
import type { EntityDescriptor } from './entity';
import { useRecordDetailStyles } from './RecordDetail.styles';
import { RecordTable } from './RecordTable';
import { useRecordList } from './useRecordList';

export type RelatedListProps<T extends { readonly id: string }> = {
  readonly entity: EntityDescriptor<T>;
  readonly workspaceId: string;
  readonly query: ListQuery;
  /** Section heading ("Contacts at Jansen BV"). */
  readonly heading: string;
};

/** Records of another kind that belong to this one (an organisation's contacts and deals). */
export function RelatedList<T extends { readonly id: string }>({
  entity,
  workspaceId,
  query,
  heading,
}: RelatedListProps<T>) {
  const { t } = useTranslation();
  const styles = useRecordDetailStyles();
  const navigation = useNavigation();
  const list = useRecordList<T>(workspaceId, entity.plural, query);
  const id = `related-${entity.plural}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id}>
        {heading}
      </Subtitle2>
      {list.error && <ErrorState error={list.error} />}
      {list.isPending ? (
        <LoadingState />
      ) : (
        <RecordTable
          label={heading}
          fields={entity.columns}
          records={list.records}
          name={(record) => entity.title(record) || t('records.untitled')}
          href={(record) => navigation.href(entity.plural, record.id)}
          emptyText={t(`${entity.ns}.empty`)}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
        />
      )}
    </section>
  );
}
