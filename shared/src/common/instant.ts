import type { Instant } from './types';

/** The instant `ms` milliseconds after `instant`. */
export const plusMs = (instant: Instant, ms: number): Instant =>
  new Date(Date.parse(instant) + ms).toISOString();
