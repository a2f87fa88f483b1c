import {
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  Title3,
} from '@fluentui/react-components';
import { WorkspacePatchInputSchema, type Stage } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag, WorkspaceSummary } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { ErrorState, LoadingState, NoticeBar } from '../app/StateViews';
import { useRecordActions, type RecordActions } from '../records/useRecordActions';
import { validateWith } from '../records/validate';
import { MembersSection } from './MembersSection';
import { useSettingsStyles } from './SettingsView.styles';

export type SettingsViewProps = { readonly workspaceId: string };

/** Owners: the workspace's name, currency, stale threshold, stage probabilities, and its members. */
export function SettingsView({ workspaceId }: SettingsViewProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useSettingsStyles();
  const workspace = useQuery({
    queryKey: ['workspace', workspaceId],
    queryFn: () => api.getWorkspace(workspaceId),
  });
  // Above the form: the form starts afresh with each version, the outcome of saving stays.
  const act = useRecordActions(workspaceId, 'workspace');
  return (
    <section className={styles.view} aria-labelledby="settings-heading">
      <Title2 as="h2" id="settings-heading">
        {t('settings.heading')}
      </Title2>
      {workspace.isPending && <LoadingState />}
      {workspace.isError && <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />}
      <NoticeBar notice={act.notice} />
      {workspace.data && <SettingsForm key={workspace.data.etag} workspace={workspace.data} act={act} />}
      <MembersSection workspaceId={workspaceId} />
    </section>
  );
}

type SettingsFormProps = { readonly workspace: WithEtag<WorkspaceSummary>; readonly act: RecordActions };

/** Keyed by the workspace's ETag: a fresh version (after a 412, or a save) starts a fresh form. */
function SettingsForm({ workspace, act }: SettingsFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useSettingsStyles();
  const settings = workspace.settings;
  const [name, setName] = useState(workspace.name);
  const [currency, setCurrency] = useState(settings.defaultCurrency);
  const [staleDays, setStaleDays] = useState(String(settings.staleAfterDays));
  const [stages, setStages] = useState<readonly Stage[]>(settings.stages);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const patch = {
      name: name.trim(),
      defaultCurrency: currency.trim().toUpperCase(),
      staleAfterDays: Number(staleDays),
      stages: stages.map(({ id, label, probability, forecastCategory, kind }) => ({
        id,
        ...(label ? { label } : {}),
        probability,
        forecastCategory,
        kind,
      })),
    };
    const checked = validateWith(WorkspacePatchInputSchema, patch);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    await act.run(() => api.updateWorkspace(workspace.id, workspace, patch), t('records.saved'));
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
      <Title3 as="h3">{t('settings.stages')}</Title3>
      <Table aria-label={t('settings.stages')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('settings.stage')}</TableHeaderCell>
            <TableHeaderCell>{t('settings.probability')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {stages.map((stage, index) => {
            const label = stage.label ?? t(`stages.${stage.id}`, { defaultValue: stage.id });
            return (
              <TableRow key={stage.id}>
                <TableCell>{label}</TableCell>
                <TableCell>
                  <Input
                    type="number"
                    min={0}
                    max={100}
                    aria-label={t('settings.probabilityOf', { stage: label })}
                    disabled={stage.kind !== 'open'}
                    value={String(stage.probability)}
                    onChange={(_e, data) =>
                      setStages((current) =>
                        current.map((s, i) => (i === index ? { ...s, probability: Number(data.value) } : s)),
                      )
                    }
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {error('stages') && <NoticeBar notice={{ intent: 'error', text: error('stages')! }} />}
      <div>
        <Button type="submit" appearance="primary">
          {t('dialog.save')}
        </Button>
      </div>
    </form>
  );
}

export default SettingsView;
