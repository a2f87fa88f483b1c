import { Button, Field, Input, Title2, Subtitle2 } from '@fluentui/react-components';
import { WorkspacePatchInputSchema } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag, WorkspaceSummary } from '../api/api-client';
import { ApiError, errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { useUpdateWorkspace } from '../api/mutations';
import { ErrorState, LoadingState, NoticeBar } from '../app/StateViews';
import { useRecordActions, type RecordActions } from '../records/useRecordActions';
import { validateWith } from '../records/validate';
import { stageName } from '../pipeline/pipeline-format';
import { ChannelsSection } from './ChannelsSection';
import { LeadAssignmentSection } from './LeadAssignmentSection';
import { MembersSection } from './MembersSection';
import { MorningDigestSection } from './MorningDigestSection';
import { draftsOf, stageErrors, stagesInput } from './stage-drafts';
import { StagesEditor } from './StagesEditor';
import { UndeliveredSection } from './UndeliveredSection';
import { useSettingsStyles } from './SettingsView.styles';
import { useRecordListStyles } from '../records/RecordListView.styles';

export type SettingsViewProps = { readonly workspaceId: string };

/**
 * Owners: the workspace's name, currency, stale threshold, its stages, its members, who gets new leads,
 * the morning digest, its channels and the notifications the bot gave up on.
 */
export function SettingsView({ workspaceId }: SettingsViewProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useSettingsStyles();
  const list = useRecordListStyles();
  const workspace = useQuery({
    queryKey: queryKeys.workspace(workspaceId),
    queryFn: () => api.getWorkspace(workspaceId),
  });
  // Above the form: the form starts afresh with each version, the outcome of saving stays.
  const act = useRecordActions('settings.stale');
  return (
    <section className={styles.view} aria-labelledby="settings-heading">
      <Title2 as="h2" id="settings-heading" className={list.titleText}>
        {t('settings.heading')}
      </Title2>
      {workspace.isPending && <LoadingState />}
      {workspace.isError && <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />}
      <NoticeBar notice={act.notice} />
      {workspace.data && <SettingsForm key={workspace.data.etag} workspace={workspace.data} act={act} />}
      <MembersSection workspaceId={workspaceId} />
      {workspace.data && (
        <LeadAssignmentSection
          key={`lead-assignment-${workspace.data.etag}`}
          workspace={workspace.data}
          act={act}
        />
      )}
      {workspace.data && (
        <MorningDigestSection
          key={`morning-digest-${workspace.data.etag}`}
          workspace={workspace.data}
          act={act}
        />
      )}
      <ChannelsSection workspaceId={workspaceId} />
      <UndeliveredSection workspaceId={workspaceId} />
    </section>
  );
}

type SettingsFormProps = { readonly workspace: WithEtag<WorkspaceSummary>; readonly act: RecordActions };

/** Keyed by the workspace's ETag: a fresh version (after a 412, or a save) starts a fresh form. */
function SettingsForm({ workspace, act }: SettingsFormProps) {
  const { t } = useTranslation();
  const update = useUpdateWorkspace(workspace.id);
  const styles = useSettingsStyles();
  const settings = workspace.settings;
  const defaultName = (id: string) => t(`stages.${id}`, { defaultValue: id });
  const [name, setName] = useState(workspace.name);
  const [currency, setCurrency] = useState(settings.defaultCurrency);
  const [staleDays, setStaleDays] = useState(String(settings.staleAfterDays));
  const [drafts, setDrafts] = useState(() => draftsOf(settings.stages, defaultName));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  /** A refused removal names the stage as the owner knows it. */
  const failure = (error: unknown) => {
    const stage = error instanceof ApiError && error.code === 'WORKSPACE.STAGE_IN_USE' && error.details.stage;
    const removed = settings.stages.find((s) => s.id === stage);
    return removed ? t('settings.stageInUse', { stage: stageName(removed, t) }) : errorMessage(error, t);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name: name.trim(),
      defaultCurrency: currency.trim().toUpperCase(),
      staleAfterDays: Number(staleDays),
    };
    const stages = stagesInput(drafts, defaultName);
    const checked = validateWith(WorkspacePatchInputSchema, fields);
    const found = { ...(checked.ok ? {} : checked.errors), ...stageErrors(drafts, stages) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await act.guardStale(() => update.mutateAsync({ workspace, patch: { ...fields, stages } }));
    } catch (error) {
      act.notify({ intent: 'error', text: failure(error) });
    }
  };
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);

  return (
    <form onSubmit={(e) => void save(e)} className={styles.view} noValidate>
      <div className={styles.form}>
        <Field label={t('settings.name')} required validationMessage={error('name')}>
          <Input value={name} onChange={(_e, data) => setName(data.value)} />
        </Field>
        <Field label={t('settings.defaultCurrency')} validationMessage={error('defaultCurrency')}>
          <Input value={currency} maxLength={3} onChange={(_e, data) => setCurrency(data.value)} />
        </Field>
        <Field label={t('settings.staleAfterDays')} validationMessage={error('staleAfterDays')}>
          <Input
            type="number"
            min={1}
            max={365}
            value={staleDays}
            onChange={(_e, data) => setStaleDays(data.value)}
          />
        </Field>
      </div>
      <Subtitle2 as="h3">{t('settings.stages')}</Subtitle2>
      <StagesEditor drafts={drafts} errors={errors} onChange={setDrafts} />
      <div>
        <Button type="submit" appearance="primary">
          {t('dialog.save')}
        </Button>
      </div>
    </form>
  );
}

export default SettingsView;
