import { useMemo, useState } from 'react';
import type { FieldDescriptor } from './field-descriptor';

const storageKey = (list: string) => `crm.columns.${list}`;

function readHidden(list: string): ReadonlySet<string> {
  try {
    const stored = JSON.parse(window.localStorage.getItem(storageKey(list)) ?? '[]') as unknown;
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Which of a list's columns the user hides, remembered in this browser per list (a preference, not
 * part of the address). The first column, the record's name, is always shown.
 */
export function useColumnChoice<T>(list: string, fields: readonly FieldDescriptor<T>[]) {
  const [hidden, setHidden] = useState(() => readHidden(list));
  const toggle = (id: string) => {
    const next = new Set(hidden);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setHidden(next);
    try {
      window.localStorage.setItem(storageKey(list), JSON.stringify([...next]));
    } catch {
      // storage full or denied: the choice lasts for this page only
    }
  };
  // The same array while the choice stays: a table's memoised rows take it as a prop.
  const visible = useMemo(
    () => fields.filter((field, i) => i === 0 || !hidden.has(field.id)),
    [fields, hidden],
  );
  return {
    visible,
    hidden,
    toggle,
  };
}
