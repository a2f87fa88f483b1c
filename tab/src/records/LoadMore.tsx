import { Button, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useRecordTableStyles } from './RecordTable.styles';

export type LoadMoreProps = {
  readonly loadingMore: boolean | undefined;
  readonly onLoadMore: (() => void) | undefined;
};

/** Under a list with more on the server: the next page is on its way, or a button to ask for it. */
export function LoadMore({ loadingMore, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  const styles = useRecordTableStyles();
  return (
    <div className={styles.more}>
      {loadingMore ? (
        <Spinner size="tiny" label={t('app.loading')} />
      ) : (
        <Button onClick={onLoadMore}>{t('table.loadMore')}</Button>
      )}
    </div>
  );
}
