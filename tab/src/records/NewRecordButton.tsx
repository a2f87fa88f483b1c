import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDescriptor } from './entity';
import type { FormValues } from './form-field';
import { RecordFormDialog } from './RecordFormDialog';

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
  const title = label ?? t(`${entity.ns}.new`);
  return (
    <>
      <Button appearance="primary" onClick={() => setOpen(true)}>
        {title}
      </Button>
      <RecordFormDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        submitLabel={t('dialog.create')}
        fields={entity.form}
        schema={entity.createSchema}
        initial={initial}
        mode="create"
        onSubmit={onCreate}
        {...(extra ? { extra } : {})}
      />
    </>
  );
}
