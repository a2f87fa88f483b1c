import { Badge, Button, Link, Title2 } from '@fluentui/react-components';
import type { RegardingType } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { useUpdateRecord } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import { CopyLinkButton } from '../app/record-link';
import { ErrorState, LoadingState, NoticeBar } from '../app/StateViews';
import { ActivityTimeline } from '../activities/ActivityTimeline';
import { MemberName } from '../owners/MemberName';
import { useMemberOptions } from '../owners/MemberSelect';
import { InlineField } from './InlineField';
import { DeleteRecordButton } from './DeleteRecordButton';
import type { EntityDescriptor } from './entity';
import { FormDialog } from './FormDialog';
import { formValuesOf } from './form-field';
import { RecordForm } from './RecordForm';
import { useRecordFormStyles } from './RecordForm.styles';
import { useCellContext } from './RecordCell';
import { RecordProperties } from './RecordProperties';
import { useRecordDetailStyles } from './RecordDetail.styles';
import { useRecordActions, type RecordActions } from './useRecordActions';
import { useRecordForm } from './useRecordForm';

export type RecordDetailProps<T extends { readonly id: string }> = {
  readonly entity: EntityDescriptor<T>;
  readonly workspaceId: string;
  readonly recordId: string;
  /** The record's own buttons beyond edit and delete (convert, disqualify). */
  readonly actions?: (record: WithEtag<T>, act: RecordActions) => ReactNode;
  /** Sections under the properties (a lead's checklist, an organisation's contacts). */
  readonly sections?: (record: WithEtag<T>, act: RecordActions) => ReactNode;
  /** Records activities can be logged against show their timeline. */
  readonly regarding?: RegardingType;
};

/** One record: its fields, edit and delete, the entity's own actions and sections, its activities. */
export function RecordDetail<T extends { readonly id: string }>({
  entity,
  workspaceId,
  recordId,
  actions,
  sections,
  regarding,
}: RecordDetailProps<T>) {
  const { t } = useTranslation();
  const styles = useRecordDetailStyles();
  const api = useApi();
  const navigation = useNavigation();
  const act = useRecordActions();
  const update = useUpdateRecord<T>(workspaceId, entity.plural);
  const [editing, setEditing] = useState(false);
  const cells = useCellContext();
  const members = useMemberOptions(workspaceId);
  const record = useQuery({
    queryKey: queryKeys.record(workspaceId, entity.plural, recordId),
    queryFn: () => api.get<T>(workspaceId, entity.plural, recordId),
  });
  const back = (
    <Link href={navigation.href(entity.plural)}>
      {t('records.backTo', { list: t(`${entity.ns}.heading`) })}
    </Link>
  );
  if (record.isPending) return <LoadingState />;
  if (record.isError)
    return (
      <section className={styles.view}>
        {back}
        <ErrorState error={record.error} onRetry={() => void record.refetch()} />
      </section>
    );
  const current = record.data;
  const title = entity.title(current);
  const editable = entity.editable?.(current) ?? true;
  const deletable = entity.deletable?.(current) ?? true;
  // The entity's status column (a lead's status, a contact's relationship) heads its page as a badge.
  const status = entity.columns.find((column) => column.badge);
  const save = (patch: Record<string, unknown>) => update.mutateAsync({ record: current, patch });

  return (
    <article className={styles.view} aria-labelledby="record-heading">
      {back}
      <div className={styles.heading}>
        <Title2 as="h2" id="record-heading">
          {title || t('records.untitled')}
        </Title2>
        {status?.badge && (
          <Badge appearance="tint" shape="rounded" color={status.badge(current)}>
            {status.text(current, cells)}
          </Badge>
        )}
        <div className={styles.actions}>
          {editable && (
            <Button size="small" onClick={() => setEditing(true)}>
              {t('records.edit')}
            </Button>
          )}
          <CopyLinkButton
            address={{ workspaceId, view: entity.plural, recordId: current.id }}
            label={title || t('records.untitled')}
            onNotice={act.notify}
          />
          {actions?.(current, act)}
          {deletable && <DeleteRecordButton workspaceId={workspaceId} entity={entity} record={current} />}
        </div>
      </div>
      <NoticeBar notice={act.notice} />
      <RecordProperties
        fields={entity.form}
        record={current as unknown as Record<string, unknown>}
        // The owner changes in place, as Pipedrive's and HubSpot's record pages do.
        inPlace={(field) =>
          field.kind === 'owner' && editable ? (
            <InlineField
              label={t(field.labelKey)}
              name={field.name}
              value={String((current as Record<string, unknown>)[field.name] ?? '')}
              display={<MemberName userId={String((current as Record<string, unknown>)[field.name] ?? '')} />}
              editor={{ kind: 'select', options: members }}
              onSave={(ownerId) => save({ [field.name]: ownerId })}
              onReload={() => void record.refetch()}
            />
          ) : undefined
        }
      />
      {sections?.(current, act)}
      {regarding && (
        <ActivityTimeline workspaceId={workspaceId} regarding={{ type: regarding, id: current.id }} />
      )}
      <EditDialog
        entity={entity}
        record={current}
        title={title}
        open={editing}
        onClose={() => setEditing(false)}
        onSubmit={(patch) => act.guardStale(() => save(patch))}
      />
    </article>
  );
}

type EditDialogProps<T extends { readonly id: string }> = {
  readonly entity: EntityDescriptor<T>;
  readonly record: WithEtag<T>;
  readonly title: string;
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onSubmit: (patch: Record<string, unknown>) => Promise<void>;
};

/** The record's fields in the form dialog; only what changed is sent. */
function EditDialog<T extends { readonly id: string }>(props: EditDialogProps<T>) {
  const { t } = useTranslation();
  const styles = useRecordFormStyles();
  const { dialog, form } = useRecordForm({
    open: props.open,
    fields: props.entity.form,
    schema: props.entity.patchSchema,
    initial: formValuesOf(props.entity.form, props.record as unknown as Record<string, unknown>),
    mode: 'edit',
    onSubmit: props.onSubmit,
    onDone: props.onClose,
  });
  return (
    <FormDialog
      open={props.open}
      title={t('records.editTitle', { name: props.title })}
      submitLabel={t('dialog.save')}
      onClose={props.onClose}
      contentClassName={styles.form}
      {...dialog}
    >
      <RecordForm {...form} />
    </FormDialog>
  );
}
