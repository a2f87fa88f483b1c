import { Field, Input, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../records/FormDialog';
import { useRecordFormStyles } from '../records/RecordForm.styles';
import type { StageQuestion } from './useDealStage';

export type StageQuestionDialogProps = {
  readonly open: boolean;
  readonly question: StageQuestion;
  readonly dealName: string;
  /** The deal is closed now: moving it to Lost (or any open stage) reopens it, which the dialog says. */
  readonly closed?: boolean;
  readonly stageName: (id: string) => string;
  readonly onAnswer: (lostReason?: string) => void;
  readonly onCancel: () => void;
};

/**
 * Why the deal was lost (required), whether it was won, or whether to reopen it, before the move:
 * the one question the deal page's stage path and the board both ask.
 */
export function StageQuestionDialog({
  open,
  question,
  dealName,
  closed = false,
  stageName,
  onAnswer,
  onCancel,
}: StageQuestionDialogProps) {
  const { t } = useTranslation();
  const styles = useRecordFormStyles();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { kind } = question;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind !== 'lost') return onAnswer();
    if (!reason.trim()) return setMissing(true);
    onAnswer(reason.trim());
  };
  const title = {
    won: t('dealPage.wonTitle', { name: dealName }),
    lost: t('pipeline.lostTitle', { name: dealName }),
    reopen: t('pipeline.reopenTitle', { name: dealName }),
  }[kind];
  const submitLabel = {
    won: t('dealPage.markWon'),
    lost: t('pipeline.markLost'),
    reopen: t('pipeline.reopen'),
  }[kind];
  return (
    <FormDialog
      open={open}
      title={title}
      submitLabel={submitLabel}
      onSubmit={submit}
      onClose={onCancel}
      contentClassName={styles.form}
    >
      {kind === 'won' && <Text>{t('dealPage.wonText')}</Text>}
      {(kind === 'reopen' || (kind === 'lost' && closed)) && (
        <Text>{t('pipeline.reopenText', { stage: stageName(question.to) })}</Text>
      )}
      {kind === 'lost' && (
        <Field
          label={t('opportunities.field.lostReason')}
          required
          validationMessage={missing ? t('validation.required') : undefined}
        >
          <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
        </Field>
      )}
    </FormDialog>
  );
}
