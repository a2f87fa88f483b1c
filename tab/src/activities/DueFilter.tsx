import { Field, Input, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { DUE_CHOICES, type DueChoice, type DueFilterValue } from './due-filter';

export type DueFilterProps = {
  readonly value: DueFilterValue;
  readonly onChange: (value: DueFilterValue) => void;
};

/** The activity list's "Due" filter: overdue, today, upcoming, or between two dates. */
export function DueFilter({ value, onChange }: DueFilterProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('activityList.due')}>
        <Select
          value={value.choice}
          onChange={(_e, data) => onChange({ ...value, choice: data.value as DueChoice | '' })}
        >
          <option value="">{t('table.all')}</option>
          {DUE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`activityList.dueOption.${choice}`)}
            </option>
          ))}
        </Select>
      </Field>
      {value.choice === 'range' && (
        <>
          <Field label={t('activityList.from')}>
            <Input
              type="date"
              value={value.from}
              onChange={(_e, d) => onChange({ ...value, from: d.value })}
            />
          </Field>
          <Field label={t('activityList.to')}>
            <Input type="date" value={value.to} onChange={(_e, d) => onChange({ ...value, to: d.value })} />
          </Field>
        </>
      )}
    </>
  );
}
