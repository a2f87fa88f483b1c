import { Button, Field } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnedPlural, ReassignResult, WithEtag } from '../api/api-client';
import { ApiError, errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { useReassign } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import type { Notice } from '../app/StateViews';
import { FormDialog } from '../records/FormDialog';
import { useRecordFormStyles } from '../records/RecordForm.styles';
import { MemberSelect } from './MemberSelect';

export type ReassignButtonProps<T extends { readonly id: string; readonly etag: string }> = {
  readonly workspaceId: string;
  readonly plural: OwnedPlural;
  readonly records: readonly T[];
  /** How a record is named where its failure is reported. */
  readonly title: (record: T) => string;
  readonly done: (notice: Notice) => void;
};

/** Bulk "Give to…": the selected records to another member, each with its own ETag; failures named one by one. */
export function ReassignButton<T extends { readonly id: string; readonly etag: string }>({
  workspaceId,
  plural,
  records,
  title,
  done,
}: ReassignButtonProps<T>) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useRecordFormStyles();
  const reassign = useReassign(workspaceId, plural);
  const members = useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: () => api.listMembers(workspaceId),
  });
  const [open, setOpen] = useState(false);
  const [ownerId, setOwnerId] = useState('');
  const [failure, setFailure] = useState<string>();

  const report = (answer: ReassignResult): Notice => {
    const name = members.data?.find((m) => m.userId === answer.ownerId)?.name ?? answer.ownerId;
    const failed = answer.results.filter((r) => !r.ok);
    if (failed.length === 0)
      return { intent: 'success', text: t('owners.reassigned', { count: records.length, name }) };
    const byId = new Map(records.map((r) => [r.id, r]));
    const reasons = failed
      .map((r) => {
        const record = byId.get(r.id);
        const why = r.ok ? '' : errorMessage(new ApiError(409, r.code), t);
        return `${record ? title(record) : r.id} (${why})`;
      })
      .join('; ');
    return {
      intent: 'warning',
      text: t('owners.reassignFailed', {
        done: answer.results.length - failed.length,
        failed: failed.length,
        name,
        reasons,
        interpolation: { escapeValue: false },
      }),
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ownerId) return setFailure(t('validation.required'));
    setFailure(undefined);
    try {
      const answer = await reassign.mutateAsync({ ownerId, records });
      setOpen(false);
      done(report(answer));
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('owners.reassign')}</Button>
      <FormDialog
        open={open}
        title={t('owners.reassignTitle', { count: records.length })}
        submitLabel={t('owners.reassignSubmit')}
        onSubmit={(event) => void submit(event)}
        onClose={() => setOpen(false)}
        busy={reassign.isPending}
        contentClassName={styles.form}
        {...(failure ? { failure } : {})}
      >
        <Field label={t('owners.newOwner')} required>
          <MemberSelect
            workspaceId={workspaceId}
            value={ownerId}
            onChange={setOwnerId}
            blankLabel={t('form.choose')}
          />
        </Field>
      </FormDialog>
    </>
  );
}

/** A list's bulk action that gives the selected records to another owner. */
export const reassignBulk =
  <T extends { readonly id: string }>(
    workspaceId: string,
    plural: OwnedPlural,
    title: (record: T) => string,
  ) =>
  (records: readonly WithEtag<T>[], done: (notice: Notice) => void) => (
    <ReassignButton workspaceId={workspaceId} plural={plural} records={records} title={title} done={done} />
  );
