import { useRef } from 'react';

/**
 * What a dialog shows, kept while it closes: Fluent gives the page back to assistive tech (removes
 * `aria-hidden` from the app) when a modal dialog closes, not when it is unmounted while open. So a
 * dialog stays mounted with `open` false once its item is gone; `key` changes with each new item, so
 * every opening starts a fresh form.
 */
export function useClosingDialog<T>(item: T | undefined): {
  readonly shown: T | undefined;
  readonly open: boolean;
  readonly key: number;
} {
  const last = useRef<{ item: T; key: number }>(undefined);
  if (item !== undefined && item !== last.current?.item)
    last.current = { item, key: (last.current?.key ?? 0) + 1 };
  return { shown: last.current?.item, open: item !== undefined, key: last.current?.key ?? 0 };
}
