import { Field, Input, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../records/FormDialog';
import { usePipelineBoardStyles } from './PipelineBoard.styles';
import type { PendingQuestion } from './useBoardMoves';

export type MoveQuestionDialogProps = {
  readonly open: boolean;
  readonly question: PendingQuestion;
  readonly stageName: (id: string) => string;
  readonly onAnswer: (lostReason?: string) => void;
  readonly onCancel: () => void;
};

/** Asks why a deal was lost, or whether to reopen a closed one, before the move is sent. */
export function MoveQuestionDialog({
  open,
  question,
  stageName,
  onAnswer,
  onCancel,
}: MoveQuestionDialogProps) {
  const { t } = useTranslation();
  const styles = usePipelineBoardStyles();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const lost = question.kind === 'lost';
  const name = question.deal.name;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!lost) return onAnswer();
    if (!reason.trim()) return setMissing(true);
    onAnswer(reason.trim());
  };

  return (
    <FormDialog
      open={open}
      title={t(lost ? 'pipeline.lostTitle' : 'pipeline.reopenTitle', { name })}
      submitLabel={t(lost ? 'pipeline.markLost' : 'pipeline.reopen')}
      onSubmit={submit}
      onClose={onCancel}
      contentClassName={styles.form}
    >
      {question.deal.closedAt !== undefined && (
        <Text>{t('pipeline.reopenText', { stage: stageName(question.to) })}</Text>
      )}
      {lost && (
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
