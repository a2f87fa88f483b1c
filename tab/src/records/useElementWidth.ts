import { useEffect, useState, type RefObject } from 'react';

/**
 * The element's inner width in pixels, following resizes (0 where there is no layout, as in jsdom).
 * `shown` says whether the element is rendered now (measured again when it appears).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, shown = true): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, shown]);
  return width;
}
