import {
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIONS_COLUMN_PX, CHECKBOX_COLUMN_PX, ROW_HEIGHT_PX } from '../app/layout';
import { useNarrow } from '../app/useNarrow';
import { columnWidths } from './column-widths';
import type { CellContext, FieldDescriptor } from './field-descriptor';
import { RecordCards } from './RecordCards';
import { RecordCell, useCellContext } from './RecordCell';
import type { RowAction } from './row-action';
import type { RecordSelection, RecordTableProps } from './record-table-props';
import { LoadMore } from './LoadMore';
import { RowActionsMenu } from './RowActionsMenu';
import { useRecordTableStyles } from './RecordTable.styles';
import { useElementWidth } from './useElementWidth';
import { useVirtualRows } from './useVirtualRows';

type RecordRowProps<T> = {
  readonly record: T;
  readonly index: number;
  readonly fields: readonly FieldDescriptor<T>[];
  readonly context: CellContext;
  readonly name: (record: T) => string;
  readonly href?: (record: T) => string;
  readonly actions?: (record: T) => readonly RowAction[];
  readonly selection?: RecordSelection<T>;
};

/** Amounts and counts: aligned at the cell's end, so their digits line up. */
const isFigure = (field: { readonly size: string }) => field.size === 'money' || field.size === 'number';

/**
 * One row. Memoised: while scrolling, the table renders again every frame, and only the rows that
 * come into view need to (a fling through 100k leads stays smooth).
 */
const RecordRow = memo(function RecordRow<T extends { readonly id: string }>({
  record,
  index,
  fields,
  context,
  name,
  href,
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
    <TableRow aria-rowindex={index + 2} className={styles.row}>
      {selection && (
        <TableCell className={styles.cell}>
          <Checkbox
            aria-label={t('table.selectRow', { name: name(record) })}
            checked={selection.selected.has(record.id)}
            disabled={selection.selectable?.(record) === false}
            onChange={(_e, data) => toggle(data.checked === true)}
          />
        </TableCell>
      )}
      {fields.map((field, i) => (
        <TableCell key={field.id} className={isFigure(field) ? styles.numberCell : styles.cell}>
          <RecordCell
            field={field}
            record={record}
            context={context}
            {...(i === 0 && href ? { href: href(record) } : {})}
          />
        </TableCell>
      ))}
      {actions && (
        <TableCell className={styles.cell}>
          <RowActionsMenu label={t('table.actionsFor', { name: name(record) })} actions={actions(record)} />
        </TableCell>
      )}
    </TableRow>
  );
}) as <T extends { readonly id: string }>(props: RecordRowProps<T>) => ReactNode;

/**
 * Every entity's list: columns from its field descriptors, each as wide as what it holds (a name
 * or an e-mail takes the room there is, a date or a status its own width), every value on one line
 * with the whole of it on hover and focus. On a narrow screen the rows are cards. Rows are
 * virtualised (only those in view are in the DOM), so a list scrolled through 100k records stays
 * smooth; the next server page is asked for as the end comes into view. Sorting is the server's
 * (it orders the whole list, not the rows loaded so far): the table only shows which column and
 * asks for another.
 */
export type { RecordSelection, RecordTableProps } from './record-table-props';

export function RecordTable<T extends { readonly id: string }>(props: RecordTableProps<T>) {
  const narrow = useNarrow();
  return narrow ? <RecordCards {...props} /> : <WideTable {...props} />;
}

function WideTable<T extends { readonly id: string }>(props: RecordTableProps<T>) {
  const { label, fields, records, emptyText, name, href, actions, selection, sort, sortable, onSort } = props;
  const { t } = useTranslation();
  const context = useCellContext();
  const styles = useRecordTableStyles();
  const rows = records;
  const { scroller, items, top, bottom } = useVirtualRows(rows.length, ROW_HEIGHT_PX, props);
  const available = useElementWidth(scroller, rows.length > 0);
  const fixed = (selection ? CHECKBOX_COLUMN_PX : 0) + (actions ? ACTIONS_COLUMN_PX : 0);
  const { widths, total } = columnWidths(
    fields.map((f) => f.size),
    available,
    fixed,
  );

  if (records.length === 0) return <Text className={styles.empty}>{emptyText}</Text>;
  const columns = fields.length + (actions ? 1 : 0) + (selection ? 1 : 0);
  const selectableRows = selection?.selectable ? rows.filter(selection.selectable) : rows;
  const allSelected =
    selection !== undefined &&
    selectableRows.length > 0 &&
    selectableRows.every((r) => selection.selected.has(r.id));

  return (
    <>
      <div ref={scroller} className={styles.scroller}>
        <Table
          aria-label={label}
          aria-rowcount={rows.length + 1}
          size="small"
          className={styles.table}
          style={{ width: total }}
        >
          <colgroup>
            {selection && <col style={{ width: CHECKBOX_COLUMN_PX }} />}
            {widths.map((width, i) => (
              <col key={fields[i]?.id ?? i} style={{ width }} />
            ))}
            {actions && <col style={{ width: ACTIONS_COLUMN_PX }} />}
          </colgroup>
          <TableHeader className={styles.header}>
            <TableRow aria-rowindex={1}>
              {selection && (
                <TableHeaderCell className={styles.cell}>
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
              {fields.map((field) => {
                const text = t(field.labelKey);
                const heading = (
                  <span className={styles.text} title={text}>
                    {text}
                  </span>
                );
                // A figure's heading stands over its figures, at the cell's end.
                const end = isFigure(field) ? { button: { className: styles.numberHeader } } : {};
                return onSort && sortable?.includes(field.id) ? (
                  <TableHeaderCell
                    key={field.id}
                    className={styles.cell}
                    {...end}
                    sortable
                    sortDirection={sort?.field === field.id ? sort.direction : undefined}
                    onClick={() => onSort(field.id)}
                  >
                    {heading}
                  </TableHeaderCell>
                ) : (
                  <TableHeaderCell key={field.id} className={styles.cell} {...end}>
                    {heading}
                  </TableHeaderCell>
                );
              })}
              {actions && (
                <TableHeaderCell className={styles.cell}>
                  <span className={styles.visuallyHidden}>{t('table.actions')}</span>
                </TableHeaderCell>
              )}
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
                context={context}
                name={name}
                {...(href ? { href } : {})}
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
      {props.hasMore && <LoadMore loadingMore={props.loadingMore} onLoadMore={props.onLoadMore} />}
    </>
  );
}
