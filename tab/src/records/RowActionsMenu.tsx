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
  useMenuContext_unstable,
} from '@fluentui/react-components';
import { MoreHorizontal20Regular } from '@fluentui/react-icons';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowAction } from './row-action';
import type { RowClasses } from './row-classes';

export type RowActionsMenuProps = {
  /** Accessible name of the button: "Actions for Pieter Jansen". */
  readonly label: string;
  readonly actions: readonly RowAction[];
};

/** The menu's items: an action that asks first hands itself to `ask`. */
function RowActionItems({
  actions,
  ask,
}: {
  readonly actions: readonly RowAction[];
  readonly ask: (action: RowAction) => void;
}) {
  return (
    <MenuPopover>
      <MenuList>
        {actions.map((action) => (
          <MenuItem
            key={action.id}
            disabled={action.disabled}
            onClick={() => (action.confirm ? ask(action) : void action.run())}
          >
            {action.label}
          </MenuItem>
        ))}
      </MenuList>
    </MenuPopover>
  );
}

/** The confirmation of an action that asks first; open while `asking` is set. */
function ConfirmActionDialog({
  asking,
  onClose,
}: {
  readonly asking?: RowAction;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={asking !== undefined} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{asking?.confirm?.title}</DialogTitle>
          {asking?.confirm?.text && <DialogContent>{asking.confirm.text}</DialogContent>}
          <DialogActions>
            <Button onClick={onClose}>{t('dialog.cancel')}</Button>
            <Button
              appearance="primary"
              onClick={() => {
                onClose();
                void asking?.run();
              }}
            >
              {asking?.confirm?.confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** A row's actions behind one "…" button; an action that asks first opens its confirmation. */
export function RowActionsMenu({ label, actions }: RowActionsMenuProps) {
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
        <RowActionItems actions={actions} ask={setAsking} />
      </Menu>
      <ConfirmActionDialog asking={asking} onClose={() => setAsking(undefined)} />
    </>
  );
}

/**
 * Makes `button` the open menu's trigger: the menu places itself below it, leaves it out of "a click
 * outside", gives focus back to it on close, and names itself after it.
 */
function OutsideTrigger({
  button,
  onId,
}: {
  readonly button: RefObject<HTMLButtonElement | null>;
  readonly onId: (id: string) => void;
}) {
  const triggerRef = useMenuContext_unstable((context) => context.triggerRef);
  const triggerId = useMenuContext_unstable((context) => context.triggerId);
  useLayoutEffect(() => {
    const set = triggerRef as unknown as (element: HTMLElement | null) => void;
    set(button.current);
    onId(triggerId);
    return () => set(null);
  }, [triggerRef, triggerId, button, onId]);
  return null;
}

export type LazyRowActionsMenuProps = RowActionsMenuProps & {
  /** The table's classes (`useRowClasses`): the button looks like Fluent's subtle small one. */
  readonly classes: RowClasses;
};

/**
 * The same menu for rows of a long list: the "…" button is a plain element with Fluent's classes and
 * the menu and its confirmation mount when it is first opened, so a row that scrolls past costs a
 * button, not a menu, a dialog and their hooks. Click, Enter, Space or ↓ opens it; Escape gives
 * focus back to the button.
 */
export function LazyRowActionsMenu({ label, actions, classes }: LazyRowActionsMenuProps) {
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const [triggerId, setTriggerId] = useState<string>();
  const [asking, setAsking] = useState<RowAction>();
  if (actions.length === 0) return null;
  const show = (next: boolean) => {
    setMounted(true);
    setOpen(next);
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        id={triggerId}
        className={classes.menuButton}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => show(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            show(true);
          }
        }}
      >
        <span className={classes.menuIcon}>
          <MoreHorizontal20Regular />
        </span>
      </button>
      {mounted && (
        <Menu open={open} onOpenChange={(_e, data) => setOpen(data.open)} positioning="below-end">
          <OutsideTrigger button={button} onId={setTriggerId} />
          <RowActionItems actions={actions} ask={setAsking} />
        </Menu>
      )}
      {/* Mounted closed with the menu and opened later, as Fluent expects (a dialog mounted open
          and unmounted with its row on delete left the page hidden from assistive tech). */}
      {mounted && <ConfirmActionDialog asking={asking} onClose={() => setAsking(undefined)} />}
    </>
  );
}
