import {
  Button,
  Menu,
  MenuItemLink,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
} from '@fluentui/react-components';
import { Navigation20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { OWNER_VIEWS, routeHash, VIEW_IDS, type ViewId } from './routes';
import { useShellStyles } from './Shell.styles';
import { VIEW_ICONS } from './view-icons';

export type NavMenuProps = {
  readonly workspaceId: string;
  readonly current: ViewId;
  readonly isOwner: boolean;
};

const viewsFor = (isOwner: boolean) => VIEW_IDS.filter((view) => isOwner || !OWNER_VIEWS.has(view));

/**
 * The views as links (each one an address Teams and the bot can open), the current one marked: a
 * column with icons and names on a wide screen, icons only (names on hover) on a medium one, and
 * hidden on a narrow one, where `NavMenuButton` opens them as a menu.
 */
export function NavMenu({ workspaceId, current, isOwner }: NavMenuProps) {
  const { t } = useTranslation();
  const styles = useShellStyles();
  return (
    <nav aria-label={t('nav.label')} className={styles.nav}>
      <ul className={styles.navList}>
        {viewsFor(isOwner).map((view) => {
          const here = view === current;
          return (
            <li key={view}>
              <a
                href={routeHash({ workspaceId, view })}
                aria-current={here ? 'page' : undefined}
                title={t(`nav.${view}`)}
                className={mergeClasses(styles.navLink, here && styles.navLinkCurrent)}
              >
                <span className={styles.navIcon} aria-hidden>
                  {VIEW_ICONS[view]}
                </span>
                <span className={styles.navLabel}>{t(`nav.${view}`)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** On a narrow screen: one button in the header that opens the views as a menu. */
export function NavMenuButton({ workspaceId, current, isOwner }: NavMenuProps) {
  const { t } = useTranslation();
  const styles = useShellStyles();
  return (
    <Menu checkedValues={{ view: [current] }}>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          icon={<Navigation20Regular />}
          aria-label={t('nav.open', { view: t(`nav.${current}`) })}
          className={styles.narrowOnly}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList aria-label={t('nav.label')}>
          {viewsFor(isOwner).map((view) => (
            <MenuItemLink
              key={view}
              href={routeHash({ workspaceId, view })}
              icon={VIEW_ICONS[view]}
              aria-current={view === current ? 'page' : undefined}
            >
              {t(`nav.${view}`)}
            </MenuItemLink>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
