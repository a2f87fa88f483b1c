import {
  Button,
  Menu,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  type MenuProps,
} from '@fluentui/react-components';
import { ColumnTriple20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { FieldDescriptor } from './field-descriptor';

export type ColumnChooserProps<T> = {
  readonly fields: readonly FieldDescriptor<T>[];
  readonly hidden: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
};

/** "Columns": tick the ones the list shows (the first, the record's name, always shows). */
export function ColumnChooser<T>({ fields, hidden, onToggle }: ColumnChooserProps<T>) {
  const { t } = useTranslation();
  const checked = { columns: fields.filter((f) => !hidden.has(f.id)).map((f) => f.id) };
  const onCheckedValueChange: MenuProps['onCheckedValueChange'] = (_e, data) => {
    const now = new Set(data.checkedItems);
    for (const field of fields.slice(1)) if (now.has(field.id) === hidden.has(field.id)) onToggle(field.id);
  };
  return (
    <Menu checkedValues={checked} onCheckedValueChange={onCheckedValueChange}>
      <MenuTrigger disableButtonEnhancement>
        <Button icon={<ColumnTriple20Regular />}>{t('table.columns')}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {fields.map((field, i) => (
            <MenuItemCheckbox key={field.id} name="columns" value={field.id} disabled={i === 0}>
              {t(field.labelKey)}
            </MenuItemCheckbox>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
