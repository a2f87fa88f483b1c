import {
  Button,
  Menu,
  MenuDivider,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { ChevronDown16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSummary } from '../api/api-client';
import { useShellStyles } from './Shell.styles';

export type WorkspaceSwitcherProps = {
  readonly current: WorkspaceSummary;
  readonly workspaces: readonly WorkspaceSummary[];
  readonly onPick: (workspace: WorkspaceSummary) => void;
  /** "All workspaces…": the picker, where one is also created. */
  readonly onManage: () => void;
};

/** The workspace in use, as a menu of the user's workspaces (the current one ticked). */
export function WorkspaceSwitcher({ current, workspaces, onPick, onManage }: WorkspaceSwitcherProps) {
  const { t } = useTranslation();
  const styles = useShellStyles();
  return (
    <Menu
      checkedValues={{ workspace: [current.id] }}
      onCheckedValueChange={(_e, data) => {
        const picked = workspaces.find((w) => w.id === data.checkedItems[0]);
        if (picked && picked.id !== current.id) onPick(picked);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          icon={<ChevronDown16Regular />}
          iconPosition="after"
          className={styles.switcher}
          title={t('workspaces.change')}
        >
          <span className={styles.switcherText}>{current.name}</span>
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {workspaces.map((workspace) => (
            <MenuItemRadio key={workspace.id} name="workspace" value={workspace.id}>
              {workspace.name}
            </MenuItemRadio>
          ))}
          <MenuDivider />
          <MenuItem onClick={onManage}>{t('workspaces.all')}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
