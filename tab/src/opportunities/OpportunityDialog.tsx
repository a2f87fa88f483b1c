import { Field, Input, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { LOST } from '@crm/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../records/FormDialog';
import { stageName } from '../pipeline/pipeline-format';
import type { WorkspaceLookups } from '../pipeline/useWorkspaceLookups';
import type { FormResult, OpportunityFormField, OpportunityFormValues } from './opportunity-form';
import { useRecordFormStyles } from '../records/RecordForm.styles';
import { refusalOf, type Refusal } from '../records/refusal';

export type OpportunityDialogProps = {
  readonly open: boolean;
  readonly title: string;
  readonly submitLabel: string;
  readonly initial: OpportunityFormValues;
  readonly lookups: WorkspaceLookups;
  readonly validate: (values: OpportunityFormValues) => FormResult<unknown>;
  /** Resolves when saved; rejects with a translated message, or with fresh values (someone else saved). */
  readonly onSubmit: (input: unknown) => Promise<void>;
  readonly onClose: () => void;
  /** Shown above the form, e.g. after a 412 reloaded the record. */
  readonly notice?: string;
};

const TEXT_FIELDS: readonly { field: OpportunityFormField; type: 'text' | 'date' }[] = [
  { field: 'amount', type: 'text' },
  { field: 'currency', type: 'text' },
  { field: 'closeDate', type: 'date' },
  { field: 'nextStep', type: 'text' },
];

/** Create or edit an opportunity; the shared schema checks the form before anything is sent. */
export function OpportunityDialog(props: OpportunityDialogProps) {
  const { t } = useTranslation();
  const styles = useRecordFormStyles();
  const { lookups } = props;
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const set = (field: OpportunityFormField) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const fieldProps = (field: OpportunityFormField) => ({
    label: t(`opportunities.field.${field.replace(/Id$/, '')}`),
    validationMessage: errors[field] ? t(errors[field]) : failure?.fieldErrors[field],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = props.validate(values);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setFailure(undefined);
    setBusy(true);
    try {
      await props.onSubmit(result.input);
    } catch (error) {
      // The server's reasons next to their fields, and with the values given in the failure bar.
      const views = (Object.keys(values) as OpportunityFormField[]).map((field) => ({
        name: field,
        label: fieldProps(field).label,
        value: values[field],
      }));
      setFailure(refusalOf(error, t, views));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open={props.open}
      title={props.title}
      submitLabel={props.submitLabel}
      onSubmit={submit}
      onClose={props.onClose}
      busy={busy}
      {...(failure ? { failure: failure.failure, failureLines: failure.lines } : {})}
      contentClassName={styles.form}
    >
      {props.notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{props.notice}</MessageBarBody>
        </MessageBar>
      )}
      <Field {...fieldProps('name')} required>
        <Input value={values.name} onChange={(_e, d) => set('name')(d.value)} />
      </Field>
      <Field {...fieldProps('organisationId')} required>
        <Select value={values.organisationId} onChange={(_e, d) => set('organisationId')(d.value)}>
          <option value="" />
          {[...lookups.organisations].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      {TEXT_FIELDS.map(({ field, type }) => (
        <Field key={field} {...fieldProps(field)}>
          <Input type={type} value={values[field]} onChange={(_e, d) => set(field)(d.value)} />
        </Field>
      ))}
      <Field {...fieldProps('stage')}>
        <Select value={values.stage} onChange={(_e, d) => set('stage')(d.value)}>
          {lookups.stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stageName(stage, t)}
            </option>
          ))}
        </Select>
      </Field>
      {values.stage === LOST && (
        <Field {...fieldProps('lostReason')} required>
          <Input value={values.lostReason} onChange={(_e, d) => set('lostReason')(d.value)} />
        </Field>
      )}
      <Field {...fieldProps('ownerId')}>
        <Select value={values.ownerId} onChange={(_e, d) => set('ownerId')(d.value)}>
          {values.ownerId === '' && <option value="">{t('opportunities.ownerMe')}</option>}
          {lookups.members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {lookups.memberName(m.userId)}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
