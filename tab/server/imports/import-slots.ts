/** Why an import may not start now: its user has as many in flight as one may, or the server has. */
export type SlotRefusal = 'user' | 'server';

export type ImportSlot =
  { readonly ok: true; release(): void } | { readonly ok: false; readonly refused: SlotRefusal };

/**
 * Imports in flight in this process (uploading, scanning, or importing within the request), per user
 * and in all. Memory and CPU per import are bounded by the CSV limits; these bound how many at once.
 */
export type ImportSlots = {
  /** A slot for one import of `user` (tenant + object id), released once when the request ends. */
  acquire(user: string): ImportSlot;
  /** Slots held now (tests wait on it). */
  held(): number;
};

export type ImportSlotLimits = { readonly perUser: number; readonly perServer: number };

export function createImportSlots(limits: ImportSlotLimits): ImportSlots {
  const byUser = new Map<string, number>();
  let total = 0;
  return {
    acquire(user) {
      if ((byUser.get(user) ?? 0) >= limits.perUser) return { ok: false, refused: 'user' };
      if (total >= limits.perServer) return { ok: false, refused: 'server' };
      byUser.set(user, (byUser.get(user) ?? 0) + 1);
      total += 1;
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          total -= 1;
          const left = (byUser.get(user) ?? 1) - 1;
          if (left > 0) byUser.set(user, left);
          else byUser.delete(user);
        },
      };
    },
    held: () => total,
  };
}
