import type { IdGenerator } from '../application/ports';

/** `prefix-000001`, `prefix-000002`...: predictable ids that sort in creation order. */
export function sequentialIds(prefix = 'id'): IdGenerator & { readonly issued: () => number } {
  let n = 0;
  return {
    newId: () => `${prefix}-${String(++n).padStart(6, '0')}`,
    issued: () => n,
  };
}
