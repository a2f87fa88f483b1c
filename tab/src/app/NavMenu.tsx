import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useShellStyles } from './Shell.styles';
import { OWNER_VIEWS, routeHash, VIEW_IDS, type ViewId } from './routes';

export type NavMenuProps = {
  readonly workspaceId: string;
  readonly current: ViewId;
  readonly isOwner: boolean;
};

/** The views as links (each one an address Teams and the bot can open), the current one marked. */
export function NavMenu({ workspaceId, current, isOwner }: NavMenuProps) {
  const { t } = useTranslation();
  const styles = useShellStyles();
  const views = VIEW_IDS.filter((view) => isOwner || !OWNER_VIEWS.has(view));
  return (
    <nav aria-label={t('nav.label')} className={styles.nav}>
      <ul className={styles.navList}>
        {views.map((view) => (
          <li key={view}>
            <Button
              as="a"
              href={routeHash({ workspaceId, view })}
              appearance={view === current ? 'secondary' : 'subtle'}
              aria-current={view === current ? 'page' : undefined}
              className={styles.navLink}
            >
              {t(`nav.${view}`)}
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
