import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { MoreHorizontal20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowAction } from './row-action';

export type RowActionsMenuProps = {
  /** Accessible name of the button: "Actions for Pieter Jansen". */
  readonly label: string;
  readonly actions: readonly RowAction[];
};

/** A row's actions behind one "…" button; an action that asks first opens its confirmation. */
export function RowActionsMenu({ label, actions }: RowActionsMenuProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<RowAction>();
  if (actions.length === 0) return null;
  return (
    <>
      <Menu positioning="below-end">
        <MenuTrigger disableButtonEnhancement>
          <Button
            appearance="subtle"
            size="small"
            icon={<MoreHorizontal20Regular />}
            aria-label={label}
            title={label}
          />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {actions.map((action) => (
              <MenuItem
                key={action.id}
                disabled={action.disabled}
                onClick={() => (action.confirm ? setAsking(action) : void action.run())}
              >
                {action.label}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      <Dialog open={asking !== undefined} onOpenChange={(_e, data) => !data.open && setAsking(undefined)}>
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>{asking?.confirm?.title}</DialogTitle>
            {asking?.confirm?.text && <DialogContent>{asking.confirm.text}</DialogContent>}
            <DialogActions>
              <Button onClick={() => setAsking(undefined)}>{t('dialog.cancel')}</Button>
              <Button
                appearance="primary"
                onClick={() => {
                  const action = asking;
                  setAsking(undefined);
                  void action?.run();
                }}
              >
                {asking?.confirm?.confirmLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
