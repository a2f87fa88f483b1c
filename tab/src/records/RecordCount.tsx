import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export type RecordCountProps = {
  /** The entity's translation namespace (`leads` → "1,240 leads"). */
  readonly ns: string;
  /** Records loaded so far. */
  readonly count: number;
  /** More on the server: the count is a floor ("100+ leads"), since counting them all would mean reading them all. */
  readonly more: boolean;
};

/** How many records the list holds, as far as it knows. */
export function RecordCount({ ns, count, more }: RecordCountProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language).format(count);
  return (
    <Text size={200}>
      {more ? t(`${ns}.countMore`, { count, number }) : t(`${ns}.count`, { count, number })}
    </Text>
  );
}
