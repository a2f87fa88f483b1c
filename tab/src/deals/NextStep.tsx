import { Badge, Text } from '@fluentui/react-components';
import { isClosedStageId, type Opportunity } from '@crm/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';

/**
 * An open deal's next activity (what, when), or a "No next step" warning when nothing is planned;
 * nothing for a closed deal.
 */
export function NextStep({ deal }: { readonly deal: Pick<Opportunity, 'stage' | 'nextActivity'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (isClosedStageId(deal.stage)) return null;
  const next = deal.nextActivity;
  if (!next)
    return (
      <Badge appearance="tint" color="warning" shape="rounded">
        {t('nextStep.none')}
      </Badge>
    );
  return (
    <Text>
      {t('nextStep.at', {
        subject: next.subject,
        when: format.dateTime(next.dueAt),
        interpolation: { escapeValue: false },
      })}
    </Text>
  );
}
