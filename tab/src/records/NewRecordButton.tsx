import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDescriptor } from './entity';
import { FormDialog } from './FormDialog';
import type { FormValues } from './form-field';
import { RecordForm } from './RecordForm';
import { useRecordFormStyles } from './RecordForm.styles';
import { useRecordForm } from './useRecordForm';

export type NewRecordButtonProps<T extends { readonly id: string }> = {
  readonly entity: EntityDescriptor<T>;
  readonly initial: FormValues;
  readonly onCreate: (input: Record<string, unknown>) => Promise<void>;
  /** Button text; defaults to the entity's "New …". */
  readonly label?: string;
  /** Input that is not a field of the form (what an activity is regarding). */
  readonly extra?: Record<string, unknown>;
};

/** "New lead", "New organisation"…: the entity's form in a dialog. */
export function NewRecordButton<T extends { readonly id: string }>({
  entity,
  initial,
  onCreate,
  label,
  extra,
}: NewRecordButtonProps<T>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const styles = useRecordFormStyles();
  const title = label ?? t(`${entity.ns}.new`);
  const { dialog, form } = useRecordForm({
    open,
    fields: entity.form,
    schema: entity.createSchema,
    initial,
    mode: 'create',
    onSubmit: onCreate,
    onDone: () => setOpen(false),
    ...(extra ? { extra } : {}),
  });
  return (
    <>
      <Button appearance="primary" onClick={() => setOpen(true)}>
        {title}
      </Button>
      <FormDialog
        open={open}
        title={title}
        submitLabel={t('dialog.create')}
        onClose={() => setOpen(false)}
        contentClassName={styles.form}
        {...dialog}
      >
        <RecordForm {...form} />
      </FormDialog>
    </>
  );
}
