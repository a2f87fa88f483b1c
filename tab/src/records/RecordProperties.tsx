import { Link } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordPlural } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import { useFormat } from '../i18n/useFormat';
import { MemberName } from '../owners/MemberName';
import type { FormField } from './form-field';
import { useRecordDetailStyles } from './RecordDetail.styles';

export type RecordLinkProps = {
  readonly plural: RecordPlural;
  readonly id: string;
  readonly className?: string;
};

/** A link to another record, named as that record is (fetched once, cached). */
export function RecordLink({ plural, id, className }: RecordLinkProps) {
  const api = useApi();
  const navigation = useNavigation();
  const record = useQuery({
    queryKey: queryKeys.record(navigation.workspaceId, plural, id),
    queryFn: () => api.get<Record<string, unknown>>(navigation.workspaceId, plural, id),
  });
  const data = record.data;
  const name = data
    ? String(data.name ?? [data.firstName, data.lastName].filter(Boolean).join(' ') ?? data.subject ?? id)
    : id;
  return (
    <Link href={navigation.href(plural, id)} className={className} title={name}>
      {name}
    </Link>
  );
}

export type RecordPropertiesProps = {
  readonly fields: readonly FormField[];
  readonly record: Record<string, unknown>;
  /** A field edited in place (term and value), or undefined to show it as it is. */
  readonly inPlace?: (field: FormField) => ReactNode | undefined;
};

/** A record's fields as a description list: label, then the value as the user reads it. */
export function RecordProperties({ fields, record, inPlace }: RecordPropertiesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useRecordDetailStyles();
  const shown = (field: FormField) => {
    const value = record[field.name];
    if (field.kind === 'boolean') return t(value === true ? 'records.yes' : 'records.no');
    if (value === undefined || value === null || value === '') return '—';
    switch (field.kind) {
      case 'enum':
        return t(`${field.prefix}.${String(value)}`);
      case 'reference':
        return <RecordLink plural={field.plural} id={String(value)} />;
      case 'owner':
        return <MemberName userId={String(value)} />;
      case 'number':
        return format.number(Number(value));
      case 'date':
        return format.date(String(value));
      case 'datetime':
        return format.dateTime(String(value));
      case 'text':
        return String(value);
    }
  };
  return (
    <dl className={styles.properties}>
      {fields.map((field) => (
        <Fragment key={field.name}>
          {inPlace?.(field) ?? (
            <div className={styles.group}>
              <dt className={styles.term}>{t(field.labelKey)}</dt>
              <dd className={styles.value}>{shown(field)}</dd>
            </div>
          )}
        </Fragment>
      ))}
    </dl>
  );
}
