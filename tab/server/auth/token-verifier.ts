import { decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Actor } from '@crm/shared';

/** The scope the tab's SSO token must carry (set on the Entra app's "Expose an API" page). */
export const REQUIRED_SCOPE = 'access_as_user';
/** Entra signs access tokens with RS256 and nothing else; every other algorithm is refused. */
export const ALLOWED_ALGORITHMS = ['RS256'];
/** The public cloud; sovereign clouds have their own (see config.ts). */
export const PUBLIC_AUTHORITY_HOST = 'https://login.microsoftonline.com';
const CLOCK_TOLERANCE_SECONDS = 60;
/** Tenant ids are GUIDs in Entra; dev tenants may be any short safe name. They go into the issuer URL. */
const TENANT_ID = /^[A-Za-z0-9._-]{1,100}$/;
const USER_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** The v2 issuer of a tenant (the Entra app asks for v2 tokens: `requestedAccessTokenVersion` 2). */
export const issuerFor = (tenantId: string, authorityHost = PUBLIC_AUTHORITY_HOST): string =>
  `${authorityHost}/${tenantId}/v2.0`;

export type VerifyFailure = { readonly reason: string };
export type Verified = { ok: true; actor: Actor } | { ok: false; failure: VerifyFailure };

export type TokenVerifier = { verify(token: string): Promise<Verified> };

export type TokenVerifierOptions = {
  /** Where signing keys come from: Entra's remote key set, or the dev server's local one. */
  readonly keys: JWTVerifyGetKey;
  readonly clientId: string;
  /** When set, only tokens of this tenant are accepted (a single-tenant app). */
  readonly tenantId?: string;
  /** Where tokens are issued: the public cloud unless a sovereign cloud's host is given. */
  readonly authorityHost?: string;
  /** The app id URI `api://<the tab's domain>/<client id>`, accepted as audience beside the client id. */
  readonly appIdUri?: string;
};

const fail = (reason: string): Verified => ({ ok: false, failure: { reason } });

/**
 * Checks a bearer token the way Teams SSO tokens must be checked: signature against the key set,
 * RS256 only, the v2 issuer built from the token's OWN tenant at our authority host and matched
 * exactly (checking only the signature would accept every tenant in the world), our audience
 * exactly (the client id, or the tab's own app id URI — not any host's), the `access_as_user`
 * scope, and exp/nbf with a small skew. Dev tokens take exactly this path with a local key set.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const audiences = (aud: JWTPayload['aud']): string[] => (Array.isArray(aud) ? aud : aud ? [aud] : []);
  const ourAudience = (aud: string): boolean => aud === options.clientId || aud === options.appIdUri;

  return {
    async verify(token) {
      let claimedTenant: unknown;
      try {
        claimedTenant = decodeJwt(token).tid;
      } catch {
        return fail('The access token is not a JWT.');
      }
      if (typeof claimedTenant !== 'string' || !TENANT_ID.test(claimedTenant)) {
        return fail('The access token names no tenant.');
      }
      if (options.tenantId && claimedTenant !== options.tenantId) {
        return fail('The access token is from another tenant.');
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, options.keys, {
          algorithms: ALLOWED_ALGORITHMS,
          issuer: issuerFor(claimedTenant, options.authorityHost),
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'tid', 'oid'],
        }));
      } catch (error) {
        return fail(describe(error));
      }
      if (!audiences(payload.aud).some(ourAudience))
        return fail('The access token is for another application.');
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(REQUIRED_SCOPE))
        return fail(`The access token lacks the ${REQUIRED_SCOPE} scope.`);
      const { oid, name } = payload;
      if (typeof oid !== 'string' || !USER_ID.test(oid)) return fail('The access token names no user.');
      return {
        ok: true,
        actor: {
          tenantId: claimedTenant,
          // Entra writes object ids in lower case; member ids are kept so too (see userIdSchema).
          userId: oid.toLowerCase(),
          ...(typeof name === 'string' && name ? { name } : {}),
        },
      };
    },
  };
}

/** Why a token failed, in words safe to send back: never the token or its claims. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The access token's ${error.claim} claim is not valid.`;
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'The access token is signed with an algorithm we do not accept.';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'The access token signature is not valid.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The access token is signed with an unknown key.';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSENotSupported) {
    return 'The access token could not be checked.';
  }
  return 'The access token is not valid.';
}
