import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** Entra's signing keys for every tenant; the issuer check (per token tenant) does the tenant part. */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** Fetched on first use and cached; an unknown `kid` refetches at most every cooldown. */
export const entraSigningKeys = (): JWTVerifyGetKey =>
  createRemoteJWKSet(new URL(ENTRA_JWKS_URL), {
    cacheMaxAge: 12 * 60 * 60 * 1000,
    cooldownDuration: 60 * 1000,
  });
