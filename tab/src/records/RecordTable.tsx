import {
  Checkbox,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { memo, useMemo, type ReactNode } from 'react';
import { Checkmark12Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ACTIONS_COLUMN_PX, CHECKBOX_COLUMN_PX, ROW_HEIGHT_PX } from '../app/layout';
import { useNarrow } from '../app/useNarrow';
import { columnWidths } from './column-widths';
import type { CellContext, FieldDescriptor } from './field-descriptor';
import type { TableSort } from './list-sort';
import { RecordCards } from './RecordCards';
import { RecordCell, useCellContext } from './RecordCell';
import type { RowAction } from './row-action';
import type { RecordSelection, RecordTableProps } from './record-table-props';
import { LoadMore } from './LoadMore';
import { LazyRowActionsMenu } from './RowActionsMenu';
import { useRecordTableStyles } from './RecordTable.styles';
import { useRowClasses, type RowClasses } from './row-classes';
import { useElementWidth } from './useElementWidth';
import { useVirtualRows } from './useVirtualRows';

type RecordRowProps<T> = {
  readonly record: T;
  readonly index: number;
  readonly fields: readonly FieldDescriptor<T>[];
  readonly context: CellContext;
  readonly classes: RowClasses;
  readonly name: (record: T) => string;
  readonly href?: (record: T) => string;
  readonly actions?: (record: T) => readonly RowAction[];
  readonly selection?: RecordSelection<T>;
};

/** Amounts and counts: aligned at the cell's end, so their digits line up. */
const isFigure = (field: { readonly size: string }) => field.size === 'money' || field.size === 'number';

/** Fluent's checkbox as plain elements with its classes (a fling mounts one a row, dozens a frame). */
function RowCheckbox({
  label,
  checked,
  disabled,
  onChange,
  classes,
}: {
  readonly label: string;
  readonly checked: boolean;
  readonly disabled: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly classes: RowClasses['checkbox'];
}) {
  return (
    <span className={disabled ? classes.disabled : checked ? classes.checked : classes.unchecked}>
      <input
        type="checkbox"
        className={classes.input}
        aria-label={label}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      {/* Fluent hides the mark of an unchecked box: it is drawn only when checked. */}
      <div aria-hidden className={classes.indicator}>
        {checked && <Checkmark12Filled />}
      </div>
    </span>
  );
}

/**
 * One row. Memoised: while scrolling, the table renders again every frame, and only the rows that
 * come into view need to. Cheap to mount, as a fling mounts dozens a frame: plain elements with the
 * table's classes, texts from the cell context (no hooks), the menu made when first opened.
 */
const RecordRow = memo(function RecordRow<T extends { readonly id: string }>({
  record,
  index,
  fields,
  context,
  classes,
  name,
  href,
  actions,
  selection,
}: RecordRowProps<T>) {
  const { t } = context;
  const toggle = (on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (on) next.add(record.id);
    else next.delete(record.id);
    selection.onChange(next);
  };
  return (
    <tr aria-rowindex={index + 2} className={classes.row}>
      {selection && (
        <td className={classes.cell}>
          <RowCheckbox
            label={t('table.selectRow', { name: name(record) })}
            checked={selection.selected.has(record.id)}
            disabled={selection.selectable?.(record) === false}
            onChange={toggle}
            classes={classes.checkbox}
          />
        </td>
      )}
      {fields.map((field, i) => (
        <td key={field.id} className={isFigure(field) ? classes.numberCell : classes.cell}>
          <RecordCell
            field={field}
            record={record}
            context={context}
            classes={classes}
            {...(i === 0 && href ? { href: href(record) } : {})}
          />
        </td>
      ))}
      {actions && (
        <td className={classes.cell}>
          <LazyRowActionsMenu
            label={t('table.actionsFor', { name: name(record) })}
            actions={actions(record)}
            classes={classes}
          />
        </td>
      )}
    </tr>
  );
}) as <T extends { readonly id: string }>(props: RecordRowProps<T>) => ReactNode;

type HeadProps<T> = {
  readonly fields: readonly FieldDescriptor<T>[];
  readonly withActions: boolean;
  readonly selection?: RecordSelection<T>;
  readonly selectableRows?: readonly T[];
  readonly allSelected?: boolean;
  readonly sort?: TableSort;
  readonly sortable?: readonly string[];
  readonly onSort?: (field: string) => void;
};

/** The header row: memoised, as the table renders again every scroll frame and the header stays. */
const Head = memo(function Head<T extends { readonly id: string }>({
  fields,
  withActions,
  selection,
  selectableRows = [],
  allSelected = false,
  sort,
  sortable,
  onSort,
}: HeadProps<T>) {
  const { t } = useTranslation();
  const styles = useRecordTableStyles();
  return (
    <TableHeader className={styles.header}>
      <TableRow aria-rowindex={1}>
        {selection && (
          <TableHeaderCell className={styles.cell}>
            <Checkbox
              aria-label={t('table.selectAll')}
              checked={allSelected ? true : selection.selected.size > 0 ? 'mixed' : false}
              onChange={(_e, data) =>
                selection.onChange(new Set(data.checked === true ? selectableRows.map((r) => r.id) : []))
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
        {withActions && (
          <TableHeaderCell className={styles.cell}>
            <span className={styles.visuallyHidden}>{t('table.actions')}</span>
          </TableHeaderCell>
        )}
      </TableRow>
    </TableHeader>
  );
}) as <T extends { readonly id: string }>(props: HeadProps<T>) => ReactNode;

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
  const context = useCellContext();
  const styles = useRecordTableStyles();
  const classes = useRowClasses();
  const rows = records;
  const { scroller, items, top, bottom } = useVirtualRows(rows.length, ROW_HEIGHT_PX, props);
  const available = useElementWidth(scroller, rows.length > 0);
  const fixed = (selection ? CHECKBOX_COLUMN_PX : 0) + (actions ? ACTIONS_COLUMN_PX : 0);
  const { widths, total } = columnWidths(
    fields.map((f) => f.size),
    available,
    fixed,
  );

  // Over every loaded row (100k at the end of a long list): once per change, not once per scroll frame.
  const selectable = selection?.selectable;
  const selectableRows = useMemo(() => (selectable ? rows.filter(selectable) : rows), [rows, selectable]);
  const selected = selection?.selected;
  const allSelected = useMemo(
    () =>
      selected !== undefined && selectableRows.length > 0 && selectableRows.every((r) => selected.has(r.id)),
    [selected, selectableRows],
  );

  if (records.length === 0) return <Text className={styles.empty}>{emptyText}</Text>;
  const columns = fields.length + (actions ? 1 : 0) + (selection ? 1 : 0);

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
          <Head
            fields={fields}
            withActions={actions !== undefined}
            {...(selection ? { selection, selectableRows, allSelected } : {})}
            {...(sort ? { sort } : {})}
            {...(sortable ? { sortable } : {})}
            {...(onSort ? { onSort } : {})}
          />
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
                classes={classes}
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
