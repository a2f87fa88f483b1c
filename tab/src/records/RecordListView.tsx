import { Field, Link, SearchBox, Title2 } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListQuery, WithEtag } from '../api/api-client';
import { useCreateRecord } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { ErrorState, LoadingState, NoticeBar, type Notice } from '../app/StateViews';
import { useNavigation } from '../app/navigation';
import type { EntityDescriptor } from './entity';
import type { FieldDescriptor } from './field-descriptor';
import { ImportDialog } from '../imports/ImportDialog';
import { ExportButton } from './ExportButton';
import { FilterSelect } from './FilterSelect';
import { formValuesOf } from './form-field';
import { NewRecordButton } from './NewRecordButton';
import { RecordTable, type RecordSelection } from './RecordTable';
import { useRecordListStyles } from './RecordListView.styles';
import { SortNotices } from './SortNotices';
import { useDebouncedValue } from './useDebouncedValue';
import { sortableFields, useListSort, useSortRefusal } from './useListSort';
import { useRecordList } from './useRecordList';

export type RecordListViewProps<T extends { readonly id: string }> = {
  readonly entity: EntityDescriptor<T>;
  readonly workspaceId: string;
  /** Search debounce; tests pass 0. */
  readonly debounceMs?: number;
  /** More toolbar buttons (a lead import). */
  readonly tools?: ReactNode;
  /** Query parameters the view's own tools set (an activity list's due range). */
  readonly extraQuery?: ListQuery;
  readonly actions?: (record: WithEtag<T>, notify: (notice: Notice) => void) => ReactNode;
  /** Bulk actions over the selected rows; rows get checkboxes when given. */
  readonly bulk?: (selected: readonly WithEtag<T>[], done: (notice: Notice) => void) => ReactNode;
};

/** The first column links to the record's own page. */
export function linkedColumns<T extends { readonly id: string }>(
  entity: EntityDescriptor<T>,
  href: (view: EntityDescriptor<T>['plural'], id: string) => string,
): FieldDescriptor<T>[] {
  const [first, ...rest] = entity.columns;
  if (!first) return [];
  return [
    {
      ...first,
      render: (record, t) => (
        <Link href={href(entity.plural, record.id)}>{first.render(record, t) || t('records.untitled')}</Link>
      ),
    },
    ...rest,
  ];
}

/**
 * Any entity's list: search, its filters, "New", export, and the virtualised table whose first
 * column opens the record. Everything specific comes from the entity descriptor.
 */
export function RecordListView<T extends { readonly id: string }>({
  entity,
  workspaceId,
  debounceMs = 300,
  tools,
  extraQuery,
  actions,
  bulk,
}: RecordListViewProps<T>) {
  const { t } = useTranslation();
  const styles = useRecordListStyles();
  const queryClient = useQueryClient();
  const create = useCreateRecord<T>(workspaceId, entity.plural);
  const navigation = useNavigation();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice>();
  const q = useDebouncedValue(search.trim(), debounceMs);
  const listSort = useListSort(q);
  const query = {
    ...(q ? { q } : {}),
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
    ...Object.fromEntries(Object.entries(extraQuery ?? {}).filter(([name, v]) => v && !filters[name])),
    ...listSort.param,
  };
  const list = useRecordList<T>(workspaceId, entity.plural, query);
  const refused = useSortRefusal(listSort, list.error);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.kind(workspaceId, entity.plural) });
  const ns = entity.ns;

  const selection: RecordSelection<WithEtag<T>> | undefined = bulk
    ? {
        selected,
        onChange: setSelected,
        rowLabel: (record) => t('table.selectRow', { name: entity.title(record) }),
        // A bulk action changes the records: one that cannot be edited is not offered.
        ...(entity.editable ? { selectable: entity.editable } : {}),
      }
    : undefined;
  const selectedRecords = list.records.filter((r) => selected.has(r.id));
  /** A bulk action is a mutation: it has refreshed the list already. */
  const afterBulk = (done: Notice) => {
    setNotice(done);
    setSelected(new Set());
  };

  return (
    <section className={styles.view} aria-labelledby={`${entity.plural}-heading`}>
      <Title2 as="h2" id={`${entity.plural}-heading`}>
        {t(`${ns}.heading`)}
      </Title2>
      <div className={styles.toolbar}>
        <Field label={t(`${ns}.search`)}>
          <SearchBox
            className={styles.search}
            value={search}
            onChange={(_e, data) => setSearch(data.value)}
          />
        </Field>
        {entity.filters.map((filter) => (
          <FilterSelect
            key={filter.name}
            workspaceId={workspaceId}
            filter={filter}
            value={filters[filter.name] ?? ''}
            onChange={(value) => setFilters((current) => ({ ...current, [filter.name]: value }))}
          />
        ))}
        {entity.creatable !== false && (
          <NewRecordButton
            entity={entity}
            initial={formValuesOf(entity.form)}
            onCreate={async (input) => {
              const created = await create.mutateAsync(input);
              setNotice({ intent: 'success', text: t('records.created', { name: entity.title(created) }) });
            }}
          />
        )}
        {entity.exportable && <ExportButton workspaceId={workspaceId} plural={entity.plural} />}
        {entity.importKind && <ImportDialog workspaceId={workspaceId} kind={entity.importKind} />}
        {tools}
      </div>
      {bulk && selectedRecords.length > 0 && (
        <div
          className={styles.toolbar}
          role="group"
          aria-label={t('table.bulkLabel', { count: selectedRecords.length })}
        >
          {bulk(selectedRecords, afterBulk)}
        </div>
      )}
      <NoticeBar notice={notice} />
      <SortNotices refused={listSort.refused} searching={listSort.searching} />
      {list.error && !refused && <ErrorState error={list.error} onRetry={() => void refresh()} />}
      {list.isPending ? (
        <LoadingState />
      ) : (
        <RecordTable
          label={t(`${ns}.tableLabel`)}
          fields={linkedColumns(entity, navigation.href)}
          records={list.records}
          emptyText={t(`${ns}.empty`)}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          {...(listSort.sort ? { sort: listSort.sort } : {})}
          sortable={q ? [] : sortableFields(entity.plural)}
          onSort={listSort.toggle}
          {...(selection ? { selection } : {})}
          {...(actions
            ? {
                actions: (record: WithEtag<T>) => actions(record, setNotice),
                actionsLabel: t('table.actions'),
              }
            : {})}
        />
      )}
    </section>
  );
}
