import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export type SortNoticesProps = { readonly refused: boolean; readonly searching: boolean };

/** Why a list is not in the order the user chose: too many records to sort, or a search on. */
export function SortNotices({ refused, searching }: SortNoticesProps) {
  const { t } = useTranslation();
  if (refused) {
    return (
      <MessageBar intent="warning" role="status">
        <MessageBarBody>{t('errors.code.LIST_TOO_MANY_TO_SORT')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!searching) return null;
  return (
    <MessageBar intent="info" role="status">
      <MessageBarBody>{t('table.unsortedWhileSearching')}</MessageBarBody>
    </MessageBar>
  );
}
