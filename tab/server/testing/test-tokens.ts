import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { Actor } from '@crm/shared';
import { issuerFor, REQUIRED_SCOPE } from '../auth/token-verifier';

export const TEST_CLIENT_ID = '7e57c11e-0000-4000-8000-000000000001';

export type MintOptions = {
  /** Claims to add or override (undefined removes one). */
  readonly claims?: JWTPayload;
  /** Seconds since the epoch, or a jose time span. */
  readonly expiresAt?: number | string;
  /** Sign with another key than the trusted one (a forgery). */
  readonly forged?: boolean;
};

export type TestTokens = {
  readonly keys: JWTVerifyGetKey;
  mint(actor: Actor, options?: MintOptions): Promise<string>;
};

/** Offline Teams-SSO-shaped tokens for tests: a trusted key pair, and a stranger's for forgeries. */
export async function createTestTokens(clientId = TEST_CLIENT_ID): Promise<TestTokens> {
  const trusted = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(trusted.publicKey)), kid: 'test-key', alg: 'RS256' };
  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    mint: (actor, options = {}) => {
      const claims: JWTPayload = {
        iss: issuerFor(actor.tenantId),
        aud: clientId,
        tid: actor.tenantId,
        oid: actor.userId,
        scp: REQUIRED_SCOPE,
        ...(actor.name ? { name: actor.name } : {}),
        ...options.claims,
      };
      for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuedAt()
        .setExpirationTime(options.expiresAt ?? '1h')
        .sign(options.forged ? stranger.privateKey : trusted.privateKey);
    },
  };
}
