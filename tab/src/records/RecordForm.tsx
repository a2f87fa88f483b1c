import { Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import { MemberSelect } from '../owners/MemberSelect';
import type { FormField, FormValues } from './form-field';

export type RecordFormProps = {
  readonly fields: readonly FormField[];
  readonly values: FormValues;
  /** Field name → what is wrong with it, in the user's words (the form's check or the server's reason). */
  readonly errors: Partial<Record<string, string>>;
  readonly onChange: (name: string, value: string | boolean) => void;
};

const REFERENCE_LIMIT = '200';

/** The options of a reference field: the first records of that kind, by their name. */
function ReferenceSelect({
  field,
  value,
  onChange,
}: {
  field: Extract<FormField, { kind: 'reference' }>;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { workspaceId } = useNavigation();
  const options = useQuery({
    queryKey: queryKeys.options(workspaceId, field.plural),
    queryFn: () =>
      api.list<{ id: string; name: string }>(workspaceId, field.plural, { limit: REFERENCE_LIMIT }),
  });
  return (
    <Select value={value} onChange={(_e, data) => onChange(data.value)}>
      <option value="">{t(field.required ? 'form.choose' : 'form.none')}</option>
      {options.data?.items.map((record) => (
        <option key={record.id} value={record.id}>
          {record.name}
        </option>
      ))}
    </Select>
  );
}

/** The inputs of a create or edit form, from the entity's field list. */
export function RecordForm({ fields, values, errors, onChange }: RecordFormProps) {
  const { t } = useTranslation();
  const { workspaceId } = useNavigation();
  return (
    <>
      {fields.map((field) => {
        const error = errors[field.name];
        const value = values[field.name];
        const text = typeof value === 'string' ? value : '';
        if (field.kind === 'boolean')
          return (
            <Field key={field.name} validationMessage={error}>
              <Checkbox
                label={t(field.labelKey)}
                checked={value === true}
                onChange={(_e, data) => onChange(field.name, data.checked === true)}
              />
            </Field>
          );
        return (
          <Field
            key={field.name}
            label={t(field.labelKey)}
            required={'required' in field && field.required === true}
            validationMessage={error}
          >
            {field.kind === 'enum' ? (
              <Select value={text} onChange={(_e, data) => onChange(field.name, data.value)}>
                {field.optional && <option value="">{t('form.none')}</option>}
                {field.options.map((option) => (
                  <option key={option} value={option}>
                    {t(`${field.prefix}.${option}`)}
                  </option>
                ))}
              </Select>
            ) : field.kind === 'owner' ? (
              <MemberSelect
                workspaceId={workspaceId}
                value={text}
                onChange={(v) => onChange(field.name, v)}
                // A record's owner can change, not go: blank (the default) only while there is none.
                {...(text === '' ? { blankLabel: t(field.blankKey) } : {})}
              />
            ) : field.kind === 'reference' ? (
              <ReferenceSelect field={field} value={text} onChange={(v) => onChange(field.name, v)} />
            ) : field.kind === 'text' && field.multiline ? (
              <Textarea value={text} onChange={(_e, data) => onChange(field.name, data.value)} />
            ) : (
              <Input
                type={
                  field.kind === 'number'
                    ? 'number'
                    : field.kind === 'date'
                      ? 'date'
                      : field.kind === 'datetime'
                        ? 'datetime-local'
                        : (field.inputType ?? 'text')
                }
                value={text}
                onChange={(_e, data) => onChange(field.name, data.value)}
              />
            )}
          </Field>
        );
      })}
    </>
  );
}
