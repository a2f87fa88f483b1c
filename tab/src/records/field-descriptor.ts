import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { RecordPlural } from '../api/api-client';
import type { Format } from '../i18n/useFormat';

/**
 * What a cell needs to write its value the way the reader reads it: the language, formats and the
 * workspace's people by name (one lookup for the whole table, not a query per row).
 */
export type CellContext = {
  readonly t: TFunction;
  /** `t(key)` for a key without options, translated once per language (a status, a source). */
  readonly label: (key: string) => string;
  readonly format: Format;
  readonly memberName: (userId: string) => string;
};

/**
 * How wide a column is, by what it holds (sizes in `app/layout.ts` `COLUMN_SIZES`): a name or an
 * e-mail address takes what room there is; a date or a status badge has a width of its own.
 */
export type ColumnSize =
  'name' | 'text' | 'long' | 'enum' | 'badge' | 'date' | 'dateTime' | 'money' | 'number';

/** The colours Fluent's Badge takes. */
export type BadgeColor =
  'brand' | 'danger' | 'important' | 'informative' | 'severe' | 'subtle' | 'success' | 'warning';

/**
 * One column of an entity's table (and a line of its card on a narrow screen): a label key, the
 * value as text, and how wide it is. Entities differ only in their list of descriptors (see
 * `leads/lead-fields.ts`), not in table code.
 */
export type FieldDescriptor<T> = {
  readonly id: string;
  /** Translation key of the column header. */
  readonly labelKey: string;
  readonly size: ColumnSize;
  /** The value as the reader reads it ('' when absent): the cell, its full text on hover, a card's line. */
  readonly text: (record: T, c: CellContext) => string;
  /** A status: shown as a badge of this colour. */
  readonly badge?: (record: T) => BadgeColor;
  /** Another record: shown as a link named as that record is (`text` is unused then). */
  readonly reference?: (record: T) => { readonly plural: RecordPlural; readonly id: string } | undefined;
  /**
   * A value only a component can show (a member's name, the record an activity is about, a deal's next
   * step): drawn on the cell's one line, cut like text; `text` stays what sorting and hover read.
   */
  readonly cell?: (record: T) => ReactNode;
};

/** Plain text, blank when absent. */
export const textField = <T>(
  id: string,
  labelKey: string,
  value: (record: T) => string | undefined,
  size: ColumnSize = 'text',
): FieldDescriptor<T> => ({ id, labelKey, size, text: (record) => value(record) ?? '' });

/** An enumeration shown through its translated labels (`<prefix>.<id>`). */
export const enumField = <T>(
  id: string,
  labelKey: string,
  prefix: string,
  value: (record: T) => string,
): FieldDescriptor<T> => ({
  id,
  labelKey,
  size: 'enum',
  text: (record, { label }) => label(`${prefix}.${value(record)}`),
});

/** A status: its translated label in a badge whose colour says how far along the record is. */
export const statusField = <T, S extends string>(
  id: string,
  labelKey: string,
  prefix: string,
  value: (record: T) => S,
  colours: Readonly<Record<S, BadgeColor>>,
): FieldDescriptor<T> => ({
  ...enumField(id, labelKey, prefix, value),
  size: 'badge',
  badge: (record) => colours[value(record)] ?? 'informative',
});

/** A date (`YYYY-MM-DD`) or instant, written the way the user's language writes it. */
export const dateField = <T>(
  id: string,
  labelKey: string,
  value: (record: T) => string | undefined,
  kind: 'date' | 'dateTime' = 'date',
): FieldDescriptor<T> => ({
  id,
  labelKey,
  size: kind,
  text: (record, { format }) => {
    const v = value(record);
    return v ? format[kind](v) : '';
  },
});

/** An amount in its currency. */
export const moneyField = <T>(
  id: string,
  labelKey: string,
  value: (record: T) => { readonly amount?: number; readonly currency: string },
): FieldDescriptor<T> => ({
  id,
  labelKey,
  size: 'money',
  text: (record, { format }) => {
    const { amount, currency } = value(record);
    return amount === undefined ? '' : format.money(amount, currency);
  },
});

/** The id of another record, shown as a link with that record's name. */
export const referenceField = <T>(
  id: string,
  labelKey: string,
  plural: RecordPlural,
  value: (record: T) => string | undefined,
): FieldDescriptor<T> => ({
  id,
  labelKey,
  size: 'text',
  text: (record) => value(record) ?? '',
  reference: (record) => {
    const target = value(record);
    return target ? { plural, id: target } : undefined;
  },
});
