import { useEffect, useState } from 'react';
import { NARROW_MAX_PX } from './layout';

const QUERY = `(max-width: ${NARROW_MAX_PX}px)`;

const matches = (): boolean =>
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia(QUERY).matches;

/**
 * True on a narrow screen (Teams mobile, a narrow window): lists show cards instead of rows, the
 * navigation is a menu. Follows the window as it is resized.
 */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(QUERY);
    const follow = () => setNarrow(media.matches);
    follow();
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return narrow;
}
