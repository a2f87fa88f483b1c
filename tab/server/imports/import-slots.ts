import { createHash, randomUUID } from 'node:crypto';
import type { Lease, Leases } from '@crm/shared/storage';

/** Why an import may not start now: its user has as many in flight as one may, or the server has. */
export type SlotRefusal = 'user' | 'server';

export type ImportSlot =
  { readonly ok: true; release(): void } | { readonly ok: false; readonly refused: SlotRefusal };

/**
 * Imports in flight (uploading, scanning, or importing within the request), per user and in all.
 * Memory and CPU per import are bounded by the CSV limits; these bound how many at once.
 */
export type ImportSlots = {
  /** A slot for one import of `user` (tenant + object id), released once when the request ends. */
  acquire(user: string): Promise<ImportSlot>;
  /** Slots held by this process now (tests wait on it). */
  held(): number;
};

export type ImportSlotLimits = { readonly perUser: number; readonly perServer: number };

/** Slots of this process alone (one instance, tests). */
export function createImportSlots(limits: ImportSlotLimits): ImportSlots {
  const byUser = new Map<string, number>();
  let total = 0;
  return {
    async acquire(user) {
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

/** The slot rows: `u|<sha256(user)>|<n>` for a person's, `s|<n>` for the deployment's (see KEYS.md). */
export const IMPORT_SLOTS = 'isl';
/** A slot's lease, renewed every third of it while its request runs; a dead instance's slots free after it. */
export const DEFAULT_SLOT_LEASE_MS = 2 * 60 * 1000;

const userKey = (user: string) => createHash('sha256').update(user).digest('hex').slice(0, 32);

/**
 * Slots counted in storage, so every instance shares the limits: a slot is one of `perUser` numbered
 * lease rows of the person and one of `perServer` of the deployment, each taken with its ETag (so
 * two instances never take one row) and renewed while held. A crashed instance's slots expire.
 */
export function createSharedImportSlots(
  leases: Leases,
  limits: ImportSlotLimits,
  options: { readonly leaseMs?: number } = {},
): ImportSlots {
  const leaseMs = options.leaseMs ?? DEFAULT_SLOT_LEASE_MS;
  let held = 0;
  const takeOne = async (prefix: string, count: number, holder: string): Promise<Lease | undefined> => {
    for (let n = 0; n < count; n++) {
      const lease = await leases.acquire(IMPORT_SLOTS, `${prefix}${n}`, holder, leaseMs);
      if (lease) return lease;
    }
    return undefined;
  };
  const free = (lease: Lease | undefined) =>
    lease ? leases.release(lease).catch(() => undefined) : undefined;
  return {
    async acquire(user) {
      const holder = randomUUID();
      const mine = await takeOne(`u|${userKey(user)}|`, limits.perUser, holder);
      if (!mine) return { ok: false, refused: 'user' };
      const server = await takeOne('s|', limits.perServer, holder).catch(async (error: unknown) => {
        await free(mine);
        throw error;
      });
      if (!server) {
        await free(mine);
        return { ok: false, refused: 'server' };
      }
      held += 1;
      let rows: (Lease | undefined)[] = [mine, server];
      let released = false;
      // Renewals one after another, and the release after the last: it deletes the rows' latest versions.
      let renewing: Promise<void> = Promise.resolve();
      const heartbeat = setInterval(
        () => {
          renewing = renewing.then(async () => {
            if (released) return;
            rows = await Promise.all(
              rows.map((row) => (row ? leases.renew(row, leaseMs).catch(() => row) : row)),
            );
          });
        },
        Math.max(50, Math.floor(leaseMs / 3)),
      );
      heartbeat.unref();
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          held -= 1;
          clearInterval(heartbeat);
          void renewing.then(() => Promise.all(rows.map(free)));
        },
      };
    },
    held: () => held,
  };
}
