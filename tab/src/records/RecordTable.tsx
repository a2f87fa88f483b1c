import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDescriptor } from './field-descriptor';
import { useRecordTableStyles } from './RecordTable.styles';

export type RecordTableProps<T> = {
  /** Accessible name of the table. */
  readonly label: string;
  readonly fields: readonly FieldDescriptor<T>[];
  readonly records: readonly T[];
  readonly emptyText: string;
  /** Header of the actions column; the column is there only when `actions` is. */
  readonly actionsLabel?: string;
  readonly actions?: (record: T) => ReactNode;
};

/** Every entity's list: columns from its field descriptors, one row per record. */
export function RecordTable<T extends { readonly id: string }>({
  label,
  fields,
  records,
  emptyText,
  actionsLabel,
  actions,
}: RecordTableProps<T>) {
  const { t } = useTranslation();
  const styles = useRecordTableStyles();
  if (records.length === 0) return <Text className={styles.empty}>{emptyText}</Text>;
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          {fields.map((field) => (
            <TableHeaderCell key={field.id}>{t(field.labelKey)}</TableHeaderCell>
          ))}
          {actions && <TableHeaderCell>{actionsLabel}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {records.map((record) => (
          <TableRow key={record.id}>
            {fields.map((field) => (
              <TableCell key={field.id}>{field.render(record, t)}</TableCell>
            ))}
            {actions && (
              <TableCell>
                <div className={styles.actions}>{actions(record)}</div>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
