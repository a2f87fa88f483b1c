import {
  Button,
  Checkbox,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDescriptor } from './field-descriptor';
import { useRecordTableStyles } from './RecordTable.styles';
import type { TableSort } from './useListSort';

export type RecordSelection<T> = {
  readonly selected: ReadonlySet<string>;
  readonly onChange: (selected: ReadonlySet<string>) => void;
  /** Accessible name of a row's checkbox: "Select Pieter Jansen" (the record itself: no lookup in 100k). */
  readonly rowLabel: (record: T) => string;
  /** Rows a bulk action cannot change (a converted lead) have a disabled checkbox; absent: every row. */
  readonly selectable?: (record: T) => boolean;
};

export type RecordTableProps<T> = {
  /** Accessible name of the table. */
  readonly label: string;
  readonly fields: readonly FieldDescriptor<T>[];
  readonly records: readonly T[];
  readonly emptyText: string;
  /** Header of the actions column; the column is there only when `actions` is. */
  readonly actionsLabel?: string;
  readonly actions?: (record: T) => ReactNode;
  /** More pages on the server: fetched when the last rows scroll into view (or on the button). */
  readonly hasMore?: boolean;
  readonly loadingMore?: boolean;
  readonly onLoadMore?: () => void;
  readonly selection?: RecordSelection<T>;
  /**
   * Server-side sort: the columns whose ids are in `sortable` get sortable headers (a button,
   * `aria-sort`); a click asks `onSort`, and the rows arrive in that order from the server.
   */
  readonly sort?: TableSort;
  readonly sortable?: readonly string[];
  readonly onSort?: (field: string) => void;
};

const ROW_HEIGHT = 41;
const OVERSCAN = 12;
/**
 * A scroller with no height yet (before layout, or jsdom, which has none) is measured as this tall,
 * so the first rows render at once; a real size replaces it on the next resize.
 */
const INITIAL_RECT = { width: 1000, height: 600 };
const observeRect: typeof observeElementRect = (instance, callback) =>
  observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : INITIAL_RECT));

type RecordRowProps<T> = {
  readonly record: T;
  readonly index: number;
  readonly fields: readonly FieldDescriptor<T>[];
  readonly actions?: (record: T) => ReactNode;
  readonly selection?: RecordSelection<T>;
};

/**
 * One row. Memoised: while scrolling, the table renders again every frame, and only the rows that
 * come into view need to (a fling through 100k leads stays smooth).
 */
const RecordRow = memo(function RecordRow<T extends { readonly id: string }>({
  record,
  index,
  fields,
  actions,
  selection,
}: RecordRowProps<T>) {
  const { t } = useTranslation();
  const styles = useRecordTableStyles();
  const toggle = (on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (on) next.add(record.id);
    else next.delete(record.id);
    selection.onChange(next);
  };
  return (
    <TableRow aria-rowindex={index + 2}>
      {selection && (
        <TableCell className={styles.selectCell}>
          <Checkbox
            aria-label={selection.rowLabel(record)}
            checked={selection.selected.has(record.id)}
            disabled={selection.selectable?.(record) === false}
            onChange={(_e, data) => toggle(data.checked === true)}
          />
        </TableCell>
      )}
      {fields.map((field) => (
        <TableCell key={field.id}>{field.render(record, t)}</TableCell>
      ))}
      {actions && (
        <TableCell>
          <div className={styles.actions}>{actions(record)}</div>
        </TableCell>
      )}
    </TableRow>
  );
}) as <T extends { readonly id: string }>(props: RecordRowProps<T>) => ReactNode;

/**
 * Every entity's list: columns from its field descriptors. Rows are virtualised (only those in view
 * are in the DOM), so a list scrolled through 100k records stays smooth; the next server page is
 * asked for as the end comes into view. Sorting is the server's (it orders the whole list, not the
 * rows loaded so far): the table only shows which column and asks for another.
 */
export function RecordTable<T extends { readonly id: string }>({
  label,
  fields,
  records,
  emptyText,
  actionsLabel,
  actions,
  hasMore,
  loadingMore,
  onLoadMore,
  selection,
  sort,
  sortable,
  onSort,
}: RecordTableProps<T>) {
  const { t } = useTranslation();
  const styles = useRecordTableStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = records;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: INITIAL_RECT,
    observeElementRect: observeRect,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && onLoadMore && lastIndex >= rows.length - OVERSCAN) onLoadMore();
  }, [hasMore, loadingMore, onLoadMore, lastIndex, rows.length]);

  if (records.length === 0) return <Text className={styles.empty}>{emptyText}</Text>;
  const columns = fields.length + (actions ? 1 : 0) + (selection ? 1 : 0);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const selectableRows = selection?.selectable ? rows.filter(selection.selectable) : rows;
  const allSelected =
    selection !== undefined &&
    selectableRows.length > 0 &&
    selectableRows.every((r) => selection.selected.has(r.id));

  return (
    <>
      <div ref={scroller} className={styles.scroller}>
        <Table aria-label={label} aria-rowcount={rows.length + 1} size="small">
          <TableHeader className={styles.header}>
            <TableRow aria-rowindex={1}>
              {selection && (
                <TableHeaderCell className={styles.selectCell}>
                  <Checkbox
                    aria-label={t('table.selectAll')}
                    checked={allSelected ? true : selection.selected.size > 0 ? 'mixed' : false}
                    onChange={(_e, data) =>
                      selection.onChange(
                        new Set(data.checked === true ? selectableRows.map((r) => r.id) : []),
                      )
                    }
                  />
                </TableHeaderCell>
              )}
              {fields.map((field) =>
                onSort && sortable?.includes(field.id) ? (
                  <TableHeaderCell
                    key={field.id}
                    sortable
                    sortDirection={sort?.field === field.id ? sort.direction : undefined}
                    onClick={() => onSort(field.id)}
                  >
                    {t(field.labelKey)}
                  </TableHeaderCell>
                ) : (
                  <TableHeaderCell key={field.id}>{t(field.labelKey)}</TableHeaderCell>
                ),
              )}
              {actions && <TableHeaderCell>{actionsLabel}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {top > 0 && (
              <tr aria-hidden style={{ height: top }} className={styles.spacer}>
                <td colSpan={columns} />
              </tr>
            )}
            {items.map((item) => (
              <RecordRow
                key={rows[item.index]!.id}
                record={rows[item.index]!}
                index={item.index}
                fields={fields}
                {...(actions ? { actions } : {})}
                {...(selection ? { selection } : {})}
              />
            ))}
            {bottom > 0 && (
              <tr aria-hidden style={{ height: bottom }} className={styles.spacer}>
                <td colSpan={columns} />
              </tr>
            )}
          </TableBody>
        </Table>
      </div>
      {hasMore && (
        <div className={styles.more}>
          {loadingMore ? (
            <Spinner size="tiny" label={t('app.loading')} />
          ) : (
            <Button onClick={onLoadMore}>{t('table.loadMore')}</Button>
          )}
        </div>
      )}
    </>
  );
}
