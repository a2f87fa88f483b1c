import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { Actor } from '@crm/shared';
import { issuerFor, REQUIRED_SCOPE } from './token-verifier';

const ALGORITHM = 'RS256';
const LIFETIME = '8h';

/** Mints Entra-shaped tokens for local sign-in, with a key pair that lives only as long as the process. */
export type DevTokenIssuer = {
  /** The public half, for the ordinary verifier. */
  readonly keys: JWTVerifyGetKey;
  issue(actor: Actor): Promise<string>;
};

export async function createDevTokenIssuer(clientId: string): Promise<DevTokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM);
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    issue: (actor) =>
      new SignJWT({
        tid: actor.tenantId,
        oid: actor.userId,
        ...(actor.name ? { name: actor.name } : {}),
        scp: REQUIRED_SCOPE,
        ver: '2.0',
      })
        .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
        .setIssuer(issuerFor(actor.tenantId))
        .setAudience(clientId)
        .setSubject(actor.userId)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(LIFETIME)
        .sign(privateKey),
  };
}
