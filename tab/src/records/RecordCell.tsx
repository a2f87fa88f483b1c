import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { useMemberName } from '../owners/MemberName';
import type { CellContext, FieldDescriptor } from './field-descriptor';
import { RecordLink } from './RecordProperties';
import type { RowClasses } from './row-classes';

/** What cells need to write values the reader's way, the same object while the language and the members stay. */
export function useCellContext(): CellContext {
  const { t } = useTranslation();
  const format = useFormat();
  const memberName = useMemberName();
  const label = useMemo(() => {
    const labels = new Map<string, string>();
    return (key: string) => {
      let text = labels.get(key);
      if (text === undefined) labels.set(key, (text = t(key)));
      return text;
    };
  }, [t]);
  return useMemo(() => ({ t, label, format, memberName }), [t, label, format, memberName]);
}

export type RecordCellProps<T> = {
  readonly field: FieldDescriptor<T>;
  readonly record: T;
  readonly context: CellContext;
  /** The table's classes, worked out once for every row (`useRowClasses`). */
  readonly classes: RowClasses;
  /** The record's own page: the value is the link to it (a list's first column). */
  readonly href?: string;
};

/**
 * One value of a row or card, on one line: cut with an ellipsis when it does not fit, the whole of it
 * in the title (hover) and, while the row has focus, wrapped onto more lines. Statuses are badges,
 * other records links. Plain elements with Fluent's classes and no hooks of its own: a fling through
 * a long list mounts dozens of rows a frame.
 */
export function RecordCell<T>({ field, record, context, classes, href }: RecordCellProps<T>) {
  if (field.reference) {
    const target = field.reference(record);
    return target ? <RecordLink plural={target.plural} id={target.id} className={classes.text} /> : null;
  }
  const text = field.text(record, context);
  if (field.cell)
    return (
      <span className={classes.text} title={text || undefined}>
        {field.cell(record)}
      </span>
    );
  if (href) {
    const name = text || context.t('records.untitled');
    return (
      <a href={href} className={classes.link} title={name}>
        {name}
      </a>
    );
  }
  if (!text) return null;
  if (field.badge)
    return (
      <span className={classes.badge[field.badge(record)]} title={text}>
        <span className={classes.text}>{text}</span>
      </span>
    );
  return (
    <span className={classes.text} title={text}>
      {text}
    </span>
  );
}
