import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanNext } from '../api/api-client';
import { ActivityFormDialog } from '../activities/ActivityFormDialog';

export type PlanNextOfferProps = {
  readonly workspaceId: string;
  /** What was just done, in a sentence. */
  readonly text: string;
  readonly hint: PlanNext;
  readonly onPlanned?: () => void;
};

/**
 * After an activity is done: the outcome, and "Plan next activity", a small form already about the
 * same record, for the same owner, planned for the next working hour.
 */
export function PlanNextOffer({ workspaceId, text, hint, onPlanned }: PlanNextOfferProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const name = hint.regardingName ?? t(`activities.regardingLabel.${hint.regarding.type}`);
  return (
    <>
      <MessageBar intent="success" role="status">
        <MessageBarBody>{text}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => setOpen(true)}>{t('myDay.planNext')}</Button>
        </MessageBarActions>
      </MessageBar>
      <ActivityFormDialog
        workspaceId={workspaceId}
        open={open}
        title={t('myDay.planNextTitle', { name })}
        draft={{ regarding: hint.regarding, done: false, ownerId: hint.ownerId, type: 'call' }}
        regardingFixed
        onClose={() => setOpen(false)}
        {...(onPlanned ? { onCreated: () => onPlanned() } : {})}
      />
    </>
  );
}
