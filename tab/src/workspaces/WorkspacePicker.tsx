import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSummary } from '../api/api-client';
import { errorMessage, errorText } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { useCreateWorkspace } from '../api/mutations';
import { workspacesQuery } from '../api/query-keys';
import { useWorkspacePickerStyles } from './WorkspacePicker.styles';

export type WorkspacePickerProps = {
  readonly onPick: (workspace: WorkspaceSummary) => void;
};

/** The workspaces the user belongs to, and a form to create one (they become its owner). */
export function WorkspacePicker({ onPick }: WorkspacePickerProps) {
  const { t } = useTranslation();
  const styles = useWorkspacePickerStyles();
  const api = useApi();
  const [name, setName] = useState('');
  const workspaces = useQuery(workspacesQuery(api));
  const create = useCreateWorkspace();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate(name.trim(), { onSuccess: onPick });
  };

  return (
    <section className={styles.picker} aria-labelledby="workspaces-heading">
      <Title2 as="h2" id="workspaces-heading">
        {t('workspaces.heading')}
      </Title2>
      {workspaces.isPending && <Spinner label={t('app.loading')} />}
      {workspaces.isError && (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(workspaces.error, t)}</MessageBarBody>
        </MessageBar>
      )}
      {workspaces.data?.length === 0 && <Text>{t('workspaces.empty')}</Text>}
      {workspaces.data && workspaces.data.length > 0 && (
        <ul className={styles.list} aria-label={t('workspaces.listLabel')}>
          {workspaces.data.map((workspace) => (
            <li key={workspace.id}>
              <Button onClick={() => onPick(workspace)}>{workspace.name}</Button>{' '}
              <Text size={200}>{t(`workspaces.role.${workspace.role}`)}</Text>
            </li>
          ))}
        </ul>
      )}
      <form className={styles.create} onSubmit={submit}>
        <Field label={t('workspaces.newName')} className={styles.createName}>
          <Input className={styles.createInput} value={name} onChange={(_e, data) => setName(data.value)} />
        </Field>
        <Button
          type="submit"
          appearance="primary"
          className={styles.createButton}
          disabled={create.isPending || !name.trim()}
        >
          {t('workspaces.create')}
        </Button>
      </form>
      {create.isError && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(create.error, t)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
