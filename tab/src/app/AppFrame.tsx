import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductMark } from './ProductMark';
import { useShellStyles } from './Shell.styles';

export type AppFrameProps = {
  /** In Teams, Teams' own header names the app: no product mark then. */
  readonly inTeams: boolean;
  /** The header's start after the mark: the narrow screen's menu, the workspace switcher. */
  readonly start?: ReactNode;
  /** The header's middle: the search across every record. */
  readonly search?: ReactNode;
  /** The header's end: the signed-in person. */
  readonly end?: ReactNode;
  /** Beside the page: the navigation. */
  readonly nav?: ReactNode;
  readonly children: ReactNode;
};

/**
 * Every screen's frame: one compact header bar (48 px, Teams' own density) and, under it, the
 * navigation beside the page. The app's name is a heading for assistive tech only.
 */
export function AppFrame({ inTeams, start, search, end, nav, children }: AppFrameProps) {
  const { t } = useTranslation();
  const styles = useShellStyles();
  return (
    <div className={styles.frame}>
      <header className={styles.header}>
        <h1 className={styles.visuallyHidden}>{t('app.title')}</h1>
        <div className={styles.headerStart}>
          {!inTeams && <ProductMark />}
          {start}
        </div>
        <div className={styles.headerSearch}>{search}</div>
        <div className={styles.headerEnd}>{end}</div>
      </header>
      <div className={styles.body}>
        {nav}
        <main className={styles.main}>{children}</main>
      </div>
    </div>
  );
}
