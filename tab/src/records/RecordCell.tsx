import { Badge, Link, mergeClasses } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import type { CellContext, FieldDescriptor } from './field-descriptor';
import { RecordLink } from './RecordProperties';
import { CELL_TEXT, useRecordTableStyles } from './RecordTable.styles';

/** What cells need to write values the reader's way, the same object while the language stays. */
export function useCellContext(): CellContext {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => ({ t, format }), [t, format]);
}

export type RecordCellProps<T> = {
  readonly field: FieldDescriptor<T>;
  readonly record: T;
  readonly context: CellContext;
  /** The record's own page: the value is the link to it (a list's first column). */
  readonly href?: string;
};

/**
 * One value of a row or card, on one line: cut with an ellipsis when it does not fit, the whole of it
 * in the title (hover) and, while the row has focus, wrapped onto more lines. Statuses are badges,
 * other records links.
 */
export function RecordCell<T>({ field, record, context, href }: RecordCellProps<T>) {
  const { t } = useTranslation();
  const styles = useRecordTableStyles();
  const textClass = mergeClasses(CELL_TEXT, styles.text);
  if (field.reference) {
    const target = field.reference(record);
    return target ? <RecordLink plural={target.plural} id={target.id} className={textClass} /> : null;
  }
  const text = field.text(record, context);
  if (field.cell)
    return (
      <span className={textClass} title={text || undefined}>
        {field.cell(record)}
      </span>
    );
  if (href) {
    const name = text || t('records.untitled');
    return (
      <Link href={href} className={textClass} title={name}>
        {name}
      </Link>
    );
  }
  if (!text) return null;
  if (field.badge)
    return (
      <Badge appearance="tint" color={field.badge(record)} className={styles.badge} title={text}>
        <span className={textClass}>{text}</span>
      </Badge>
    );
  return (
    <span className={textClass} title={text}>
      {text}
    </span>
  );
}
