import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** The signing keys of the app's tenant at its authority host (sovereign clouds have their own). */
export const entraKeysUrl = (authorityHost: string, tenantId: string): URL =>
  new URL(`${authorityHost}/${tenantId}/discovery/v2.0/keys`);

/** Fetched on first use and cached; an unknown `kid` refetches at most every cooldown. */
export const entraSigningKeys = (authorityHost: string, tenantId: string): JWTVerifyGetKey =>
  createRemoteJWKSet(entraKeysUrl(authorityHost, tenantId), {
    cacheMaxAge: 12 * 60 * 60 * 1000,
    cooldownDuration: 60 * 1000,
  });
