import type { TFunction } from 'i18next';
import { createElement, type ReactNode } from 'react';
import { FormattedDate, FormattedDateTime } from '../i18n/Formatted';

/**
 * One column of an entity's table: a label key and how to show the value. Entities differ only in
 * their list of descriptors (see `leads/lead-fields.tsx`), not in table code.
 */
export type FieldDescriptor<T> = {
  readonly id: string;
  /** Translation key of the column header. */
  readonly labelKey: string;
  readonly render: (record: T, t: TFunction) => ReactNode;
};

/** A descriptor for an enumeration shown through its translated labels (`<prefix>.<id>`). */
export const enumField = <T>(
  id: string,
  labelKey: string,
  prefix: string,
  value: (record: T) => string,
): FieldDescriptor<T> => ({
  id,
  labelKey,
  render: (record, t) => t(`${prefix}.${value(record)}`),
});

/** A descriptor for plain text, blank when absent. */
export const textField = <T>(
  id: string,
  labelKey: string,
  value: (record: T) => string | undefined,
): FieldDescriptor<T> => ({ id, labelKey, render: (record) => value(record) ?? '' });

/** A date (`YYYY-MM-DD`) or instant, written the way the user's language writes it. */
export const dateField = <T>(
  id: string,
  labelKey: string,
  value: (record: T) => string | undefined,
  kind: 'date' | 'dateTime' = 'date',
): FieldDescriptor<T> => ({
  id,
  labelKey,
  render: (record) => {
    const v = value(record);
    if (!v) return '';
    return createElement(kind === 'date' ? FormattedDate : FormattedDateTime, { value: v });
  },
});
