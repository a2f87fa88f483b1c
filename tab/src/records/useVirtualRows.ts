import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';

/**
 * Rows rendered beyond each edge of the view: enough for a wheel or key step (each scroll event
 * renders at once), few because a fling jumps past them all and every one is a row to mount.
 */
const OVERSCAN = 4;
/** The next server page is asked for when the rows in view come this close to the last one loaded. */
const LOAD_AHEAD = 50;
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
    if (hasMore && !loadingMore && onLoadMore && lastIndex >= count - LOAD_AHEAD) onLoadMore();
  }, [hasMore, loadingMore, onLoadMore, lastIndex, count]);
  return {
    scroller,
    items,
    top: items[0]?.start ?? 0,
    bottom: virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0),
  };
}
