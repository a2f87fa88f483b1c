import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';

const OVERSCAN = 12;
/**
 * A scroller with no height yet (before layout, or jsdom, which has none) is measured as this tall,
 * so the first rows render at once; a real size replaces it on the next resize.
 */
const INITIAL_RECT = { width: 1000, height: 600 };
const observeRect: typeof observeElementRect = (instance, callback) =>
  observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : INITIAL_RECT));

/** More pages on the server: asked for when the last rows come into view. */
export type Paging = {
  readonly hasMore?: boolean;
  readonly loadingMore?: boolean;
  readonly onLoadMore?: () => void;
};

/**
 * `count` rows of `size` pixels. Only the rows in view (and a few around them) are rendered, so a list scrolled through 100k records
 * stays smooth; `top` and `bottom` are the heights the rows out of view stand for. The next server
 * page is asked for as the end comes into view.
 */
export function useVirtualRows(count: number, size: number, { hasMore, loadingMore, onLoadMore }: Paging) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => size,
    overscan: OVERSCAN,
    initialRect: INITIAL_RECT,
    observeElementRect: observeRect,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && onLoadMore && lastIndex >= count - OVERSCAN) onLoadMore();
  }, [hasMore, loadingMore, onLoadMore, lastIndex, count]);
  return {
    scroller,
    items,
    top: items[0]?.start ?? 0,
    bottom: virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0),
  };
}
