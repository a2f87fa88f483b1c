import { Text } from '@fluentui/react-components';
import { memo, useMemo, type ReactNode } from 'react';
import { CARD_HEIGHT_PX } from '../app/layout';
import type { CellContext, FieldDescriptor } from './field-descriptor';
import { RecordCell, useCellContext } from './RecordCell';
import type { RecordTableProps } from './record-table-props';
import { useRecordTableStyles } from './RecordTable.styles';
import type { RowAction } from './row-action';
import { LazyRowActionsMenu } from './RowActionsMenu';
import { useRowClasses, type RowClasses } from './row-classes';
import { LoadMore } from './LoadMore';
import { useVirtualRows } from './useVirtualRows';

/** A card's lines under its title: the fields asked for, else the two after the first that are not a status. */
export function cardLines<T>(
  fields: readonly FieldDescriptor<T>[],
  chosen: readonly string[] | undefined,
): readonly FieldDescriptor<T>[] {
  const rest = fields.slice(1).filter((f) => !f.badge);
  const picked = chosen ? chosen.flatMap((id) => rest.filter((f) => f.id === id)) : [];
  return (picked.length ? picked : rest).slice(0, 2);
}

type CardProps<T> = {
  readonly record: T;
  readonly index: number;
  /** How many records the list holds (loaded so far): only the cards in view are in the DOM. */
  readonly count: number;
  readonly title: FieldDescriptor<T>;
  readonly status?: FieldDescriptor<T>;
  readonly lines: readonly FieldDescriptor<T>[];
  readonly context: CellContext;
  readonly classes: RowClasses;
  readonly styles: ReturnType<typeof useRecordTableStyles>;
  readonly name: (record: T) => string;
  readonly href?: (record: T) => string;
  readonly actions?: (record: T) => readonly RowAction[];
};

const Card = memo(function Card<T>({
  record,
  index,
  count,
  title,
  status,
  lines,
  context,
  classes,
  styles,
  name,
  href,
  actions,
}: CardProps<T>) {
  const { t } = context;
  return (
    <div role="listitem" aria-posinset={index + 1} aria-setsize={count} className={styles.card}>
      <div className={styles.cardInner}>
        <div className={styles.cardTitle}>
          <RecordCell
            field={title}
            record={record}
            context={context}
            classes={classes}
            {...(href ? { href: href(record) } : {})}
          />
          {status && (
            <span className={styles.cardStatus}>
              <RecordCell field={status} record={record} context={context} classes={classes} />
            </span>
          )}
        </div>
        {actions ? (
          <LazyRowActionsMenu
            label={t('table.actionsFor', { name: name(record) })}
            actions={actions(record)}
            classes={classes}
          />
        ) : (
          <span />
        )}
        {lines.map((field) => {
          const label = t(field.labelKey);
          return (
            <div key={field.id} className={styles.cardLine}>
              <span className={styles.cardLabel}>{label}</span>
              {field.cell || field.reference?.(record) || field.text(record, context) ? (
                <RecordCell field={field} record={record} context={context} classes={classes} />
              ) : (
                <span className={styles.cardLabel}>—</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}) as <T>(props: CardProps<T>) => ReactNode;

/**
 * A list on a narrow screen (Teams mobile): a card per record with its name (the link to its page),
 * the two most telling fields, its status and its menu. Virtualised like the table.
 */
export function RecordCards<T extends { readonly id: string }>(props: RecordTableProps<T>) {
  const { label, fields, records, emptyText, name, href, actions, cardFields } = props;
  const context = useCellContext();
  const styles = useRecordTableStyles();
  const classes = useRowClasses();
  const { scroller, items, top, bottom } = useVirtualRows(records.length, CARD_HEIGHT_PX, props);
  const [title] = fields;
  const status = fields.find((f) => f.badge);
  // The same array while the fields stay, so memoised cards stay put while scrolling.
  const lines = useMemo(() => cardLines(fields, cardFields), [fields, cardFields]);
  if (records.length === 0 || !title) return <Text className={styles.empty}>{emptyText}</Text>;
  return (
    <>
      <div ref={scroller} className={styles.cards}>
        <div role="list" aria-label={label}>
          {top > 0 && <div aria-hidden style={{ height: top }} />}
          {items.map((item) => (
            <Card
              key={records[item.index]!.id}
              record={records[item.index]!}
              index={item.index}
              count={records.length}
              title={title}
              {...(status ? { status } : {})}
              lines={lines}
              context={context}
              classes={classes}
              styles={styles}
              name={name}
              {...(href ? { href } : {})}
              {...(actions ? { actions } : {})}
            />
          ))}
          {bottom > 0 && <div aria-hidden style={{ height: bottom }} />}
        </div>
      </div>
      {props.hasMore && <LoadMore loadingMore={props.loadingMore} onLoadMore={props.onLoadMore} />}
    </>
  );
}
