import { decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Actor } from '@crm/shared';

/** The scope the tab's SSO token must carry (set on the Entra app's "Expose an API" page). */
export const REQUIRED_SCOPE = 'access_as_user';
/** Asymmetric only: `none` and the HS* family (a shared secret) are never accepted. */
export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384'];
const CLOCK_TOLERANCE_SECONDS = 60;
/** Tenant ids are GUIDs in Entra; dev tenants may be any short safe name. They go into the issuer URL. */
const TENANT_ID = /^[A-Za-z0-9._-]{1,100}$/;
const USER_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export const issuersFor = (tenantId: string): string[] => [
  `https://login.microsoftonline.com/${tenantId}/v2.0`,
  `https://sts.windows.net/${tenantId}/`,
];

export type VerifyFailure = { readonly reason: string };
export type Verified = { ok: true; actor: Actor } | { ok: false; failure: VerifyFailure };

export type TokenVerifier = { verify(token: string): Promise<Verified> };

export type TokenVerifierOptions = {
  /** Where signing keys come from: Entra's remote key set, or the dev server's local one. */
  readonly keys: JWTVerifyGetKey;
  readonly clientId: string;
  /** When set, only tokens of this tenant are accepted (a single-tenant app). */
  readonly tenantId?: string;
};

const fail = (reason: string): Verified => ({ ok: false, failure: { reason } });

/**
 * Checks a bearer token the way Teams SSO tokens must be checked: signature against the key set,
 * an allowed algorithm, an issuer built from the token's OWN tenant and matched exactly (checking
 * only the signature would accept every tenant in the world), our audience, the `access_as_user`
 * scope, and exp/nbf with a small skew. Dev tokens take exactly this path with a local key set.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const audiences = (aud: JWTPayload['aud']): string[] => (Array.isArray(aud) ? aud : aud ? [aud] : []);
  const ourAudience = (aud: string): boolean =>
    aud === options.clientId || (aud.startsWith('api://') && aud.endsWith(`/${options.clientId}`));

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
          issuer: issuersFor(claimedTenant),
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
          userId: oid,
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
