import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import type { FormDialogProps } from './FormDialog';
import { inputOf, patchOf, type FormField, type FormValues } from './form-field';
import { refusalOf, type FormFieldView } from './refusal';
import type { RecordFormProps } from './RecordForm';
import { validateWith } from './validate';

export type RecordFormOptions = {
  /** Each opening starts again from `initial`. */
  readonly open: boolean;
  readonly fields: readonly FormField[];
  readonly schema: ZodType;
  readonly initial: FormValues;
  /** Edit mode: only changed fields are sent (a patch); create mode sends every non-blank one. */
  readonly mode: 'create' | 'edit';
  /** Sent with every create and checked with it, though not a field (an activity's `regarding`). */
  readonly extra?: Record<string, unknown>;
  /** Rejects with an API error to keep the dialog open and show it. */
  readonly onSubmit: (input: Record<string, unknown>) => Promise<void>;
  /** Called once the input was taken: close the dialog. */
  readonly onDone: () => void;
};

type FormState = {
  readonly values: FormValues;
  /** Field name → what is wrong with it, in the user's words. */
  readonly errors: Partial<Record<string, string>>;
  readonly failure?: string;
  readonly failureLines?: readonly string[];
  readonly busy: boolean;
};

/**
 * Create or edit any record in the one `FormDialog`: the entity's fields (`form`, for `RecordForm`)
 * checked with the shared schema before sending, and the dialog's submit, busy and failure (`dialog`).
 * The dialog stays mounted while closed (Fluent gives the page back to assistive tech only when a
 * dialog closes), so the state starts afresh whenever it opens.
 */
export function useRecordForm(options: RecordFormOptions): {
  readonly dialog: Pick<FormDialogProps, 'onSubmit' | 'busy' | 'failure' | 'failureLines'>;
  readonly form: RecordFormProps;
} {
  const { open, fields, schema, initial, mode, extra, onSubmit, onDone } = options;
  const { t } = useTranslation();
  const fresh = (): FormState => ({ values: initial, errors: {}, busy: false });
  const [state, setState] = useState(fresh);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    // React's way to reset state when a prop changes: during render, before anything is shown.
    setWasOpen(open);
    if (open) setState(fresh());
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input =
      mode === 'create'
        ? { ...extra, ...inputOf(fields, state.values) }
        : patchOf(fields, initial, state.values);
    const checked = validateWith(schema, input);
    if (!checked.ok) {
      const errors = Object.fromEntries(
        Object.entries(checked.errors).map(([name, key]) => [name, t(key ?? '')]),
      );
      return setState((s) => ({ ...s, errors }));
    }
    setState((s) => ({ ...s, errors: {}, failure: undefined, failureLines: undefined, busy: true }));
    try {
      await onSubmit(input);
      onDone();
    } catch (error) {
      // The server's reasons go next to their fields, and with the value given into the failure bar.
      const refusal = refusalOf(
        error,
        t,
        fields.map((field) => fieldView(field, state.values, t)),
      );
      setState((s) => ({
        ...s,
        errors: refusal.fieldErrors,
        failure: refusal.failure,
        failureLines: refusal.lines,
        busy: false,
      }));
    }
  };

  return {
    dialog: {
      onSubmit: (event) => void submit(event),
      busy: state.busy,
      ...(state.failure ? { failure: state.failure } : {}),
      ...(state.failureLines ? { failureLines: state.failureLines } : {}),
    },
    form: {
      fields,
      values: state.values,
      errors: state.errors,
      onChange: (name, value) => setState((s) => ({ ...s, values: { ...s.values, [name]: value } })),
    },
  };
}

type Translate = (key: string) => string;

/** A field as the user sees it: its label and the value they gave, as they would read it. */
function fieldView(field: FormField, values: FormValues, t: Translate): FormFieldView {
  const value = values[field.name];
  const label = t(field.labelKey);
  if (typeof value === 'boolean')
    return { name: field.name, label, value: t(value ? 'records.yes' : 'records.no') };
  if (!value) return { name: field.name, label };
  return { name: field.name, label, value: field.kind === 'enum' ? t(`${field.prefix}.${value}`) : value };
}
