import { DataFunnel20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useShellStyles } from './Shell.styles';

/** Outside Teams only (Teams' own header names the app): a small mark and the product's name. */
export function ProductMark() {
  const { t } = useTranslation();
  const styles = useShellStyles();
  return (
    <span className={styles.mark} aria-hidden>
      <DataFunnel20Regular />
      <span className={styles.markText}>{t('app.title')}</span>
    </span>
  );
}
