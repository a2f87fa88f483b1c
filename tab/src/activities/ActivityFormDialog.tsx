import { Button, Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import {
  ACTIVITY_TYPES,
  ActivityCreateInputSchema,
  REGARDING_TYPES,
  recordDisplayName,
  type ActivityType,
  type Regarding,
  type RegardingType,
} from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordPlural, WithEtag, ActivityView } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { useCreateActivity } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { localInput, nextWorkingHour } from '../my-day/when';
import { MemberSelect } from '../owners/MemberSelect';
import { FormDialog } from '../records/FormDialog';
import { useRecordFormStyles } from '../records/RecordForm.styles';
import { refusalOf, type Refusal } from '../records/refusal';
import { validateWith } from '../records/validate';

export const REGARDING_PLURAL: Record<RegardingType, RecordPlural> = {
  lead: 'leads',
  organisation: 'organisations',
  contact: 'contacts',
  opportunity: 'opportunities',
};

/** What the form starts from: a record it is about (fixed), a type, done or planned, an owner. */
export type ActivityDraft = {
  readonly regarding?: Regarding;
  readonly type?: ActivityType;
  readonly done?: boolean;
  readonly ownerId?: string;
  readonly subject?: string;
};

export type ActivityFormDialogProps = {
  readonly workspaceId: string;
  readonly open: boolean;
  readonly title: string;
  readonly draft: ActivityDraft;
  /** True when the regarding record is given and cannot be changed (a record's page, plan next). */
  readonly regardingFixed?: boolean;
  readonly onClose: () => void;
  readonly onCreated?: (activity: WithEtag<ActivityView>) => void;
};

type Values = {
  type: ActivityType;
  subject: string;
  when: string;
  /** Whether the user set `when` themselves (then ticking Done no longer moves it). */
  whenTouched: boolean;
  done: boolean;
  ownerId: string;
  notes: string;
  regardingType: RegardingType;
  regardingId: string;
};

/** A done activity happened now; a planned one is due in the next working hour. */
const defaultWhen = (done: boolean) => localInput(done ? new Date() : nextWorkingHour(new Date()));

function valuesOf(draft: ActivityDraft): Values {
  const done = draft.done ?? true;
  return {
    type: draft.type ?? 'call',
    subject: draft.subject ?? '',
    when: defaultWhen(done),
    whenTouched: false,
    done,
    ownerId: draft.ownerId ?? '',
    notes: '',
    regardingType: draft.regarding?.type ?? 'lead',
    regardingId: draft.regarding?.id ?? '',
  };
}

/** Exactly what the API wants: `completed` always sent (a planned call is not done), the owner only when chosen. */
export function activityInputOf(values: Values): Record<string, unknown> {
  const when = values.when ? new Date(values.when) : undefined;
  return {
    type: values.type,
    subject: values.subject.trim(),
    regarding: { type: values.regardingType, id: values.regardingId },
    ...(when && !Number.isNaN(when.getTime()) ? { occurredAt: when.toISOString() } : {}),
    completed: values.done,
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
    ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
  };
}

const OPTION_LIMIT = '200';

/** The records of a kind an activity can be about, by name. */
function RegardingRecordSelect({
  workspaceId,
  type,
  value,
  onChange,
}: {
  workspaceId: string;
  type: RegardingType;
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const plural = REGARDING_PLURAL[type];
  const options = useQuery({
    queryKey: queryKeys.options(workspaceId, plural),
    queryFn: () => api.list<Record<string, unknown>>(workspaceId, plural, { limit: OPTION_LIMIT }),
  });
  return (
    <Select value={value} onChange={(_e, data) => onChange(data.value)}>
      <option value="">{t('form.choose')}</option>
      {options.data?.items.map((record) => (
        <option key={String(record.id)} value={String(record.id)}>
          {recordDisplayName(type, record as never) || t('records.untitled')}
        </option>
      ))}
    </Select>
  );
}

/**
 * New activity, planned or done: type, subject, when (now for a done one, the next working hour for
 * a planned one, until the user picks a time), owner (default me), done, notes; and what it is about
 * unless the page says so. Checked with the shared schema before sending.
 */
export function ActivityFormDialog(props: ActivityFormDialogProps) {
  const { workspaceId, open, title, draft, regardingFixed, onClose, onCreated } = props;
  const { t } = useTranslation();
  const styles = useRecordFormStyles();
  const create = useCreateActivity(workspaceId);
  const [values, setValues] = useState<Values>(() => valuesOf(draft));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  // What the server said about a refused activity: its sentence, each point, the reasons by field.
  const [refusal, setRefusal] = useState<Refusal>();
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    // Each opening starts again from the draft (state reset during render, React's way).
    setWasOpen(open);
    if (open) {
      setValues(valuesOf(draft));
      setErrors({});
      setRefusal(undefined);
    }
  }
  const set = <K extends keyof Values>(name: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = activityInputOf(values);
    const checked = validateWith(ActivityCreateInputSchema, input);
    const missing = values.regardingId ? {} : { regarding: 'validation.required' };
    if (!checked.ok || Object.keys(missing).length) {
      return setErrors({ ...(checked.ok ? {} : checked.errors), ...missing });
    }
    setErrors({});
    setRefusal(undefined);
    try {
      const created = await create.mutateAsync(input);
      onClose();
      onCreated?.(created as WithEtag<ActivityView>);
    } catch (error) {
      // The server's reasons go next to their fields (a path `regarding.id` to What it is about).
      setRefusal(
        refusalOf(error, t, [
          { name: 'regarding', label: t('activities.field.regarding') },
          {
            name: 'type',
            label: t('activities.field.type'),
            value: t(`activities.typeLabel.${values.type}`),
          },
          { name: 'subject', label: t('activities.field.subject'), value: values.subject },
          { name: 'occurredAt', label: t('activities.field.occurredAt'), value: values.when },
          { name: 'ownerId', label: t('activityForm.owner') },
          { name: 'notes', label: t('activities.field.notes') },
        ]),
      );
    }
  };
  const fieldError = (...names: string[]) => {
    const message =
      names.map((name) => refusal?.fieldErrors[name]).find(Boolean) ??
      names.map((name) => errors[name] && t(errors[name])).find(Boolean);
    return message ? { validationMessage: message } : {};
  };

  return (
    <FormDialog
      open={open}
      title={title}
      submitLabel={t('dialog.create')}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
      busy={create.isPending}
      contentClassName={styles.form}
      {...(refusal ? { failure: refusal.failure, failureLines: refusal.lines } : {})}
    >
      {!regardingFixed && (
        <>
          <Field label={t('activityForm.regardingType')}>
            <Select
              value={values.regardingType}
              onChange={(_e, data) =>
                setValues((v) => ({ ...v, regardingType: data.value as RegardingType, regardingId: '' }))
              }
            >
              {REGARDING_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`activities.regardingLabel.${type}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('activities.field.regarding')} required {...fieldError('regarding')}>
            <RegardingRecordSelect
              workspaceId={workspaceId}
              type={values.regardingType}
              value={values.regardingId}
              onChange={(id) => set('regardingId', id)}
            />
          </Field>
        </>
      )}
      <Field label={t('activities.field.type')}>
        <Select value={values.type} onChange={(_e, data) => set('type', data.value as ActivityType)}>
          {ACTIVITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`activities.typeLabel.${type}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('activities.field.subject')} required {...fieldError('subject')}>
        <Input value={values.subject} onChange={(_e, data) => set('subject', data.value)} />
      </Field>
      <Checkbox
        label={t('activities.field.completed')}
        checked={values.done}
        onChange={(_e, data) => {
          const done = data.checked === true;
          setValues((v) => ({ ...v, done, ...(v.whenTouched ? {} : { when: defaultWhen(done) }) }));
        }}
      />
      <Field
        label={t(values.done ? 'activities.field.occurredAt' : 'activityForm.due')}
        {...fieldError('occurredAt')}
      >
        <Input
          type="datetime-local"
          value={values.when}
          onChange={(_e, data) => setValues((v) => ({ ...v, when: data.value, whenTouched: true }))}
        />
      </Field>
      <Field label={t('activityForm.owner')} {...fieldError('ownerId')}>
        <MemberSelect
          workspaceId={workspaceId}
          value={values.ownerId}
          onChange={(userId) => set('ownerId', userId)}
          blankLabel={t('activityForm.ownerMe')}
        />
      </Field>
      <Field label={t('activities.field.notes')} {...fieldError('notes')}>
        <Textarea value={values.notes} onChange={(_e, data) => set('notes', data.value)} />
      </Field>
    </FormDialog>
  );
}

export type NewActivityButtonProps = {
  readonly workspaceId: string;
  /** The record whose page this is; without it the form asks what the activity is about. */
  readonly regarding?: Regarding;
  readonly onCreated?: (activity: WithEtag<ActivityView>) => void;
};

/** "New activity": the activity form in a dialog (kept mounted so closing returns the focus). */
export function NewActivityButton({ workspaceId, regarding, onCreated }: NewActivityButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button appearance="primary" onClick={() => setOpen(true)}>
        {t('activityForm.new')}
      </Button>
      <ActivityFormDialog
        workspaceId={workspaceId}
        open={open}
        title={t('activityForm.new')}
        draft={regarding ? { regarding } : {}}
        regardingFixed={regarding !== undefined}
        onClose={() => setOpen(false)}
        {...(onCreated ? { onCreated } : {})}
      />
    </>
  );
}
