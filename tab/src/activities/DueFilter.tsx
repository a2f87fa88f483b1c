import { Input, Label, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFilterSelectStyles } from '../records/FilterSelect.styles';
import { ToolbarSelect } from '../records/FilterSelect';
import { DUE_CHOICES, type DueChoice, type DueFilterValue } from './due-filter';

export type DueFilterProps = {
  readonly value: DueFilterValue;
  readonly onChange: (value: DueFilterValue) => void;
};

/**
 * The activity list's "Due" filter, in the filter row like the others: overdue, today, upcoming, or
 * between two days (two date fields beside it).
 */
export function DueFilter({ value, onChange }: DueFilterProps) {
  const { t } = useTranslation();
  return (
    <>
      <ToolbarSelect
        label={t('activityList.due')}
        value={value.choice}
        onChange={(choice) => onChange({ ...value, choice: choice as DueChoice | '' })}
        options={DUE_CHOICES.map((choice) => ({ id: choice, label: t(`activityList.dueOption.${choice}`) }))}
      />
      {value.choice === 'range' && (
        <>
          <DayField
            label={t('activityList.from')}
            value={value.from}
            onChange={(from) => onChange({ ...value, from })}
          />
          <DayField
            label={t('activityList.to')}
            value={value.to}
            onChange={(to) => onChange({ ...value, to })}
          />
        </>
      )}
    </>
  );
}

function DayField(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (day: string) => void;
}) {
  const styles = useFilterSelectStyles();
  const id = useId('due-day');
  return (
    <div className={styles.filter}>
      <Label htmlFor={id} size="small" className={styles.label}>
        {props.label}
      </Label>
      <Input
        id={id}
        type="date"
        size="small"
        value={props.value}
        onChange={(_e, d) => props.onChange(d.value)}
      />
    </div>
  );
}
