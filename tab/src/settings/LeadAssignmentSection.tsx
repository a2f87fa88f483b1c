import { Button, Checkbox, Radio, RadioGroup, Text, Subtitle2 } from '@fluentui/react-components';
import { LEAD_ASSIGNMENT_MODES, type LeadAssignmentMode } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag, WorkspaceSummary } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { useUpdateWorkspace } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import type { RecordActions } from '../records/useRecordActions';
import { useSettingsStyles } from './SettingsView.styles';

type LeadAssignmentFormProps = {
  readonly workspace: WithEtag<WorkspaceSummary>;
  readonly act: RecordActions;
};

/**
 * Owners: who gets a new lead that names no owner, its creator or the chosen members in turn. Keyed
 * by the workspace's ETag (a fresh version starts a fresh form); the outcome shows in `act`'s notice.
 */
export function LeadAssignmentSection({ workspace, act }: LeadAssignmentFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useSettingsStyles();
  const update = useUpdateWorkspace(workspace.id);
  const members = useQuery({
    queryKey: queryKeys.members(workspace.id),
    queryFn: () => api.listMembers(workspace.id),
  });
  const current = workspace.settings.leadAssignment;
  const [mode, setMode] = useState<LeadAssignmentMode>(current?.mode ?? 'creator');
  const [chosen, setChosen] = useState<readonly string[]>(current?.memberIds ?? []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // The turn order is the members' order in the list.
    const memberIds = (members.data ?? []).map((m) => m.userId).filter((id) => chosen.includes(id));
    await act.run(
      () => update.mutateAsync({ workspace, patch: { leadAssignment: { mode, memberIds } } }),
      t('leadAssignment.saved'),
    );
  };

  return (
    <section className={styles.view} aria-labelledby="lead-assignment-heading">
      <Subtitle2 as="h3" id="lead-assignment-heading">
        {t('leadAssignment.heading')}
      </Subtitle2>
      <form className={styles.form} onSubmit={(event) => void save(event)} noValidate>
        <RadioGroup
          aria-labelledby="lead-assignment-heading"
          value={mode}
          onChange={(_e, data) => setMode(data.value as LeadAssignmentMode)}
        >
          {LEAD_ASSIGNMENT_MODES.map((id) => (
            <Radio key={id} value={id} label={t(`leadAssignment.mode.${id}`)} />
          ))}
        </RadioGroup>
        {mode === 'round-robin' && (
          // Not a Field: it would give every checkbox the one control id.
          <div role="group" aria-labelledby="lead-assignment-members">
            <Text id="lead-assignment-members">{t('leadAssignment.members')}</Text>
            {members.data?.map((member) => (
              <Checkbox
                key={member.userId}
                label={member.name ?? member.userId}
                checked={chosen.includes(member.userId)}
                onChange={(_e, data) =>
                  setChosen((ids) =>
                    data.checked === true
                      ? [...ids, member.userId]
                      : ids.filter((id) => id !== member.userId),
                  )
                }
              />
            ))}
          </div>
        )}
        <div>
          <Button type="submit" appearance="primary" disabled={update.isPending}>
            {t('leadAssignment.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
