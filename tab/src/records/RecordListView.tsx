import { Text, Title2 } from '@fluentui/react-components';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListQuery, WithEtag } from '../api/api-client';
import { useCreateRecord } from '../api/mutations';
import { ErrorState, LoadingState, NoticeBar, type Notice } from '../app/StateViews';
import { useNavigation } from '../app/navigation';
import { useToast } from '../app/Toasts';
import { useNarrow } from '../app/useNarrow';
import { ColumnChooser } from './ColumnChooser';
import type { EntityDescriptor } from './entity';
import { ImportButton } from '../imports/ImportButton';
import { ExportButton } from './ExportButton';
import { FilterSelect } from './FilterSelect';
import { formValuesOf } from './form-field';
import { ListToolbar } from './ListToolbar';
import { sortableFields } from './list-sort';
import { NewRecordButton } from './NewRecordButton';
import { RecordCount } from './RecordCount';
import { RecordTable, type RecordSelection } from './RecordTable';
import { useRecordListStyles } from './RecordListView.styles';
import type { RowAction } from './row-action';
import { SortNotices } from './SortNotices';
import { useColumnChoice } from './useColumnChoice';
import { useDeleteWithUndo } from './useDeleteWithUndo';
import { useListState, useSortRefusal } from './useListState';
import { useRecordList } from './useRecordList';

export type RecordListViewProps<T extends { readonly id: string }> = {
  readonly entity: EntityDescriptor<T>;
  readonly workspaceId: string;
  /** Search debounce; tests pass 0. */
  readonly debounceMs?: number;
  /** More toolbar buttons (a lead import). */
  readonly tools?: ReactNode;
  /** Filters of the view's own (an activity list's due day), kept in the address with the others. */
  readonly ownFilters?: OwnFilters;
  /** The entity's own row actions (convert), shown before Open and Delete. */
  readonly actions?: (record: WithEtag<T>) => readonly RowAction[];
  /** Bulk actions over the selected rows; rows get checkboxes when given. */
  readonly bulk?: (selected: readonly WithEtag<T>[], done: (notice: Notice) => void) => ReactNode;
  /** What the row actions open (a lead's conversion dialog). */
  readonly children?: ReactNode;
};

/**
 * A view's own filters: address parameters the list keeps like the entity's filters, but that the
 * view turns into the list query (a due choice becomes a range of instants, cut where the reader's
 * day is) and draws itself in the filter row.
 */
export type OwnFilters = {
  /** The address parameters these filters own. */
  readonly names: readonly string[];
  readonly controls: (
    values: Readonly<Record<string, string>>,
    set: (changes: Readonly<Record<string, string>>) => void,
  ) => ReactNode;
  readonly query: (values: Readonly<Record<string, string>>) => ListQuery;
};

/**
 * Any entity's list: its name and how many, search and filters (kept in the address), "New",
 * export, a column chooser, and the table (cards on a narrow screen) whose first column opens the
 * record and whose rows have a menu (open, delete with undo, the entity's own). Everything specific
 * comes from the entity descriptor.
 */
export function RecordListView<T extends { readonly id: string }>({
  entity,
  workspaceId,
  debounceMs = 300,
  tools,
  ownFilters,
  actions,
  bulk,
  children,
}: RecordListViewProps<T>) {
  const { t } = useTranslation();
  const styles = useRecordListStyles();
  const narrow = useNarrow();
  const toast = useToast();
  const create = useCreateRecord<T>(workspaceId, entity.plural);
  const navigation = useNavigation();
  const state = useListState(debounceMs);
  const columns = useColumnChoice(entity.plural, entity.columns);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice>();
  const own = ownFilters?.names ?? [];
  const ownValues = Object.fromEntries(Object.entries(state.filters).filter(([name]) => own.includes(name)));
  const query = {
    ...Object.fromEntries(Object.entries(ownFilters?.query(ownValues) ?? {}).filter(([, v]) => v)),
    ...Object.fromEntries(Object.entries(state.query).filter(([name]) => !own.includes(name))),
  };
  const list = useRecordList<T>(workspaceId, entity.plural, query);
  const refused = useSortRefusal(state, list.error);
  const remove = useDeleteWithUndo<T>(workspaceId, entity);
  const ns = entity.ns;

  // The table's row props keep their identity while the list grows page by page (or its rows
  // re-render as a fling fetches): memoised rows then render only when they come into view.
  const editable = entity.editable;
  const hasBulk = bulk !== undefined;
  const selection = useMemo<RecordSelection<WithEtag<T>> | undefined>(
    () =>
      hasBulk
        ? {
            selected,
            onChange: setSelected,
            // A bulk action changes the records: one that cannot be edited is not offered.
            ...(editable ? { selectable: editable } : {}),
          }
        : undefined,
    [hasBulk, selected, editable],
  );
  const selectedRecords = useMemo(
    () => (selected.size ? list.records.filter((r) => selected.has(r.id)) : []),
    [list.records, selected],
  );
  /** A bulk action is a mutation: it has refreshed the list already. */
  const afterBulk = (done: Notice) => {
    setNotice(done);
    setSelected(new Set());
  };
  const open = t('records.open');
  const rowActions = useCallback(
    (record: WithEtag<T>): readonly RowAction[] => [
      ...(actions?.(record) ?? []),
      { id: 'open', label: open, run: () => navigation.go(entity.plural, record.id) },
      ...(entity.deletable?.(record) === false ? [] : [remove(record)]),
    ],
    [actions, open, navigation, entity, remove],
  );
  const name = useCallback(
    (record: WithEtag<T>) => entity.title(record) || t('records.untitled'),
    [entity, t],
  );
  const href = useCallback(
    (record: WithEtag<T>) => navigation.href(entity.plural, record.id),
    [navigation, entity.plural],
  );

  return (
    <section className={styles.view} aria-labelledby={`${entity.plural}-heading`}>
      <div className={styles.heading}>
        <div className={styles.title}>
          <Title2 as="h2" id={`${entity.plural}-heading`} className={styles.titleText}>
            {t(`${ns}.heading`)}
          </Title2>
          {!list.isPending && !list.error && (
            <RecordCount ns={ns} count={list.records.length} more={list.hasMore} />
          )}
        </div>
        <div className={styles.tools}>
          {tools}
          {entity.importKind && <ImportButton workspaceId={workspaceId} kind={entity.importKind} />}
          {entity.exportable && <ExportButton workspaceId={workspaceId} plural={entity.plural} />}
          {!narrow && (
            <ColumnChooser fields={entity.columns} hidden={columns.hidden} onToggle={columns.toggle} />
          )}
          {entity.creatable !== false && (
            <NewRecordButton
              entity={entity}
              initial={formValuesOf(entity.form)}
              onCreate={async (input) => {
                const created = await create.mutateAsync(input);
                toast({ intent: 'success', text: t('records.created', { name: entity.title(created) }) });
              }}
            />
          )}
        </div>
      </div>
      <ListToolbar
        searchLabel={t(`${ns}.search`)}
        search={state.search}
        onSearch={state.setSearch}
        // A view's own filter counts once, however many parameters it keeps (a range's two days).
        filtersOn={
          Object.keys(state.filters).filter((name) => !own.includes(name)).length +
          (Object.keys(ownValues).length > 0 ? 1 : 0)
        }
      >
        {entity.filters.length > 0 &&
          entity.filters.map((filter) => (
            <FilterSelect
              key={filter.name}
              workspaceId={workspaceId}
              filter={filter}
              value={state.filters[filter.name] ?? ''}
              onChange={(value) => state.setFilter(filter.name, value)}
            />
          ))}
        {ownFilters?.controls(ownValues, state.setFilters)}
      </ListToolbar>
      {bulk && selectedRecords.length > 0 && (
        <div
          className={styles.toolbar}
          role="group"
          aria-label={t('table.bulkLabel', { count: selectedRecords.length })}
        >
          <Text>{t('table.selected', { count: selectedRecords.length })}</Text>
          {bulk(selectedRecords, afterBulk)}
        </div>
      )}
      <NoticeBar notice={notice} />
      <SortNotices refused={state.refused} searching={state.searching} />
      {list.error && !refused && <ErrorState error={list.error} onRetry={list.retry} />}
      {list.isPending ? (
        <LoadingState />
      ) : (
        <RecordTable
          label={t(`${ns}.tableLabel`)}
          fields={columns.visible}
          records={list.records}
          emptyText={t(`${ns}.empty`)}
          name={name}
          href={href}
          actions={rowActions}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          {...(state.sort ? { sort: state.sort } : {})}
          sortable={state.q ? [] : sortableFields(entity.plural)}
          onSort={state.toggleSort}
          {...(entity.cardFields ? { cardFields: entity.cardFields } : {})}
          {...(selection ? { selection } : {})}
        />
      )}
      {children}
    </section>
  );
}
