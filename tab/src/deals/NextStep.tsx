import { Badge, mergeClasses } from '@fluentui/react-components';
import { isClosedStageId, type Opportunity } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { useNextStepStyles } from './NextStep.styles';

type Next = NonNullable<Opportunity['nextActivity']>;

/**
 * A next activity as a card or cell shows it: the subject, the due day short ("Today", "3 days
 * overdue", "12 Dec"), and the whole of it, with the full date and time, for a title. `unsaid`:
 * overdue though its words do not say so (earlier today), so a screen reader is told in words.
 */
export function useNextStepText(next: Next, now: number) {
  const { t } = useTranslation();
  const format = useFormat();
  const due = format.due(next.dueAt, now);
  const overdue = Date.parse(next.dueAt) < now;
  return {
    due,
    overdue,
    unsaid: overdue && due === format.due(new Date(now).toISOString(), now),
    whole: t('nextStep.at', {
      subject: next.subject,
      when: format.dateTime(next.dueAt),
      interpolation: { escapeValue: false },
    }),
  };
}

/**
 * An open deal's next activity on one line (what, when; red once overdue), or a "No next step"
 * warning when nothing is planned; nothing for a closed deal.
 */
export function NextStep({ deal }: { readonly deal: Pick<Opportunity, 'stage' | 'nextActivity'> }) {
  const { t } = useTranslation();
  if (isClosedStageId(deal.stage)) return null;
  const next = deal.nextActivity;
  if (!next)
    return (
      <Badge appearance="tint" color="warning" shape="rounded">
        {t('nextStep.none')}
      </Badge>
    );
  return <PlannedStep next={next} />;
}

function PlannedStep({ next }: { readonly next: Next }) {
  const styles = useNextStepStyles();
  const { t } = useTranslation();
  const { due, overdue, unsaid, whole } = useNextStepText(next, Date.now());
  return (
    <span
      className={mergeClasses(styles.line, overdue && styles.overdue)}
      title={whole}
      data-next-step={overdue ? 'overdue' : 'planned'}
    >
      <span className={styles.subject}>
        {unsaid && <span className={styles.overdueWord}>{t('pipeline.overdue')} </span>}
        {next.subject}
      </span>
      {/* Its leading space reads "subject · due" to a screen reader and a copy. */}
      <span className={styles.due}>{` · ${due}`}</span>
    </span>
  );
}
