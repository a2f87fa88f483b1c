import {
  mergeClasses,
  useBadgeStyles_unstable,
  useButtonStyles_unstable,
  useCheckboxStyles_unstable,
  useLinkStyles_unstable,
  useTableCellStyles_unstable,
  useTableRowStyles_unstable,
  type BadgeState,
  type ButtonState,
  type CheckboxState,
  type LinkState,
  type TableCellState,
  type TableRowState,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { BadgeColor } from './field-descriptor';
import { CELL_TEXT, useRecordTableStyles } from './RecordTable.styles';

/** Fluent's look for the parts of a row, as class names a plain element can carry. */
export type RowClasses = {
  readonly row: string;
  readonly cell: string;
  readonly numberCell: string;
  /** A value on one line, cut with an ellipsis. */
  readonly text: string;
  /** The first column's link to the record's page. */
  readonly link: string;
  /** A status badge of each colour (`tint`), and the text inside it. */
  readonly badge: Readonly<Record<BadgeColor, string>>;
  /** The "…" button of a row's menu (subtle, small, icon only) and its icon. */
  readonly menuButton: string;
  readonly menuIcon: string;
  /** A row's checkbox: its root as unchecked, checked or disabled, its input and its indicator. */
  readonly checkbox: {
    readonly unchecked: string;
    readonly checked: string;
    readonly disabled: string;
    readonly input: string;
    readonly indicator: string;
  };
};

const BADGE_COLORS: readonly BadgeColor[] = [
  'brand',
  'danger',
  'important',
  'informative',
  'severe',
  'subtle',
  'success',
  'warning',
];

/* The style state each Fluent hook reads (its `_unstable` recomposition API), just enough of it. */
const rowState = (className: string) =>
  ({
    root: { className },
    size: 'small',
    noNativeElements: false,
    appearance: 'none',
    isHeaderRow: false,
  }) as unknown as TableRowState;
const cellState = (className: string) =>
  ({ root: { className }, size: 'small', noNativeElements: false }) as unknown as TableCellState;
const linkState = (className: string) =>
  ({
    root: { as: 'a', href: '#', className },
    appearance: 'default',
    backgroundAppearance: undefined,
    disabled: false,
    inline: false,
  }) as unknown as LinkState;
const badgeState = (color: BadgeColor, className: string) =>
  ({
    root: { className, children: 'x' },
    size: 'medium',
    shape: 'circular',
    appearance: 'tint',
    color,
  }) as unknown as BadgeState;
const buttonState = () =>
  ({
    root: { className: '', children: undefined },
    icon: { className: '' },
    appearance: 'subtle',
    size: 'small',
    shape: 'rounded',
    iconOnly: true,
    iconPosition: 'before',
    disabled: false,
    disabledFocusable: false,
  }) as unknown as ButtonState;

const checkboxState = (checked: boolean, disabled: boolean, className: string) =>
  ({
    root: { className },
    input: { className: '' },
    indicator: { className: '' },
    checked,
    disabled,
    labelPosition: 'after',
    shape: 'square',
    size: 'medium',
  }) as unknown as CheckboxState;

/**
 * The classes of every part of a table row, worked out once per table render rather than once per
 * row: while flinging through a long list a frame mounts a few dozen new rows, and each Fluent
 * component in them (TableRow, TableCell, Link, Badge, a menu's Button) would compute and insert its
 * styles again. Rows are plain elements carrying Fluent's own classes (from its `use…Styles_unstable`
 * hooks), so they look the same.
 */
export function useRowClasses(): RowClasses {
  const styles = useRecordTableStyles();
  const row = useTableRowStyles_unstable(rowState(styles.row)).root.className ?? '';
  const cell = useTableCellStyles_unstable(cellState(styles.cell)).root.className ?? '';
  const numberCell = useTableCellStyles_unstable(cellState(styles.numberCell)).root.className ?? '';
  const text = mergeClasses(CELL_TEXT, styles.text);
  const link = useLinkStyles_unstable(linkState(text)).root.className ?? '';
  const badge = (color: BadgeColor) =>
    useBadgeStyles_unstable(badgeState(color, styles.badge)).root.className ?? '';
  // One call per colour, always in this order (hooks).
  const badges = BADGE_COLORS.map(badge).join('|');
  const button = useButtonStyles_unstable(buttonState());
  const menuButton = button.root.className ?? '';
  const menuIcon = button.icon?.className ?? '';
  const unchecked = useCheckboxStyles_unstable(checkboxState(false, false, styles.checkbox));
  const checked =
    useCheckboxStyles_unstable(checkboxState(true, false, styles.checkbox)).root.className ?? '';
  const disabled =
    useCheckboxStyles_unstable(checkboxState(false, true, styles.checkbox)).root.className ?? '';
  const checkboxRoot = unchecked.root.className ?? '';
  const checkboxInput = unchecked.input.className ?? '';
  const checkboxIndicator = unchecked.indicator?.className ?? '';
  // The same strings every render (Fluent caches them): one object, so memoised rows stay put.
  return useMemo(() => {
    const classes = badges.split('|');
    return {
      row,
      cell,
      numberCell,
      text,
      link,
      badge: Object.fromEntries(BADGE_COLORS.map((color, i) => [color, classes[i] ?? ''])) as Record<
        BadgeColor,
        string
      >,
      menuButton,
      menuIcon,
      checkbox: {
        unchecked: checkboxRoot,
        checked,
        disabled,
        input: checkboxInput,
        indicator: checkboxIndicator,
      },
    };
  }, [
    row,
    cell,
    numberCell,
    text,
    link,
    badges,
    menuButton,
    menuIcon,
    checkboxRoot,
    checked,
    disabled,
    checkboxInput,
    checkboxIndicator,
  ]);
}
