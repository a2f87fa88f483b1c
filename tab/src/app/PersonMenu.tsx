import {
  Button,
  Menu,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { Person16Regular, SignOut20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useShellStyles } from './Shell.styles';

export type PersonMenuProps = {
  readonly name?: string;
  /** Local sign-in only (in Teams, Teams signs people in and out). */
  readonly onSignOut?: () => void;
};

/** Who is signed in: their initials and name; a menu to sign out of the local sign-in. */
export function PersonMenu({ name, onSignOut }: PersonMenuProps) {
  const { t } = useTranslation();
  const styles = useShellStyles();
  if (!name) return null;
  const label = t('app.signedInAs', { name });
  // The name is the visible text; "Signed in as" is said to assistive tech (and in the tooltip).
  const [before = '', after = ''] = label.split(name);
  const person = (
    <>
      <span className={styles.avatar} aria-hidden>
        <Person16Regular />
      </span>
      <span className={styles.personName}>
        {before && <span className={styles.visuallyHidden}>{before}</span>}
        {name}
        {after && <span className={styles.visuallyHidden}>{after}</span>}
      </span>
    </>
  );
  if (!onSignOut)
    return (
      <span className={styles.mark} title={label}>
        {person}
      </span>
    );
  return (
    <Menu positioning="below-end">
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" className={styles.person} title={label}>
          {person}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>{label}</MenuGroupHeader>
            <MenuItem icon={<SignOut20Regular />} onClick={onSignOut}>
              {t('signIn.signOut')}
            </MenuItem>
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
