import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { createTokenVerifier, type TokenVerifier } from './token-verifier';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const TID = 'aaaaaaaa-0000-0000-0000-000000000001';
const OTHER_TID = 'bbbbbbbb-0000-0000-0000-000000000002';

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let signing: Keys;
let stranger: Keys;
let verifier: TokenVerifier;

beforeAll(async () => {
  signing = await generateKeyPair('RS256');
  stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(signing.publicKey)), kid: 'k1', alg: 'RS256' };
  verifier = createTokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }), clientId: CLIENT_ID });
});

const claims = (overrides: JWTPayload = {}): JWTPayload => ({
  iss: `https://login.microsoftonline.com/${TID}/v2.0`,
  aud: CLIENT_ID,
  tid: TID,
  oid: 'user-1',
  name: 'Ada',
  scp: 'User.Read access_as_user',
  ...overrides,
});

const sign = (payload: JWTPayload, key = signing.privateKey, expiresAt: number | string = '1h') =>
  new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(key);

const now = () => Math.floor(Date.now() / 1000);

const publicJwk = async () => ({ ...(await exportJWK(signing.publicKey)), kid: 'k1', alg: 'RS256' });

describe('token verifier', () => {
  it('accepts a v2 Teams SSO token and names the actor by tid + oid', async () => {
    await expect(verifier.verify(await sign(claims()))).resolves.toEqual({
      ok: true,
      actor: { tenantId: TID, userId: 'user-1', name: 'Ada' },
    });
  });

  it.each([['an audience list holding ours', { aud: ['other', CLIENT_ID] }]])(
    'accepts %s',
    async (_, overrides) => {
      expect((await verifier.verify(await sign(claims(overrides)))).ok).toBe(true);
    },
  );

  it.each([
    // The app asks Entra for v2 tokens (requestedAccessTokenVersion 2): a v1 issuer is not ours.
    ['a v1 issuer', { iss: `https://sts.windows.net/${TID}/` }],
    ['an api:// audience of any host', { aud: `api://contoso.example/${CLIENT_ID}` }],
  ])('rejects %s when the tab names no domain', async (_, overrides) => {
    expect((await verifier.verify(await sign(claims(overrides)))).ok).toBe(false);
  });

  it("accepts the api:// audience of the tab's own domain exactly, and no other host's", async () => {
    const own = createTokenVerifier({
      keys: createLocalJWKSet({ keys: [await publicJwk()] }),
      clientId: CLIENT_ID,
      appIdUri: `api://crm.contoso.example/${CLIENT_ID}`,
    });
    const verify = async (aud: string) => (await own.verify(await sign(claims({ aud })))).ok;
    expect(await verify(`api://crm.contoso.example/${CLIENT_ID}`)).toBe(true);
    expect(await verify(CLIENT_ID)).toBe(true);
    expect(await verify(`api://evil.example/${CLIENT_ID}`)).toBe(false);
    expect(await verify(`api://crm.contoso.example.evil.example/${CLIENT_ID}`)).toBe(false);
  });

  it('accepts RS256 only: a token signed with another asymmetric algorithm by a known key is refused', async () => {
    const ec = await generateKeyPair('ES256');
    const ps = await generateKeyPair('PS256');
    const keys = createLocalJWKSet({
      keys: [
        await publicJwk(),
        { ...(await exportJWK(ec.publicKey)), kid: 'ec', alg: 'ES256' },
        { ...(await exportJWK(ps.publicKey)), kid: 'ps', alg: 'PS256' },
      ],
    });
    const strict = createTokenVerifier({ keys, clientId: CLIENT_ID });
    const withAlg = (alg: string, kid: string, key: Keys['privateKey']) =>
      new SignJWT(claims()).setProtectedHeader({ alg, kid }).setExpirationTime('1h').sign(key);
    expect((await strict.verify(await sign(claims()))).ok).toBe(true);
    expect((await strict.verify(await withAlg('ES256', 'ec', ec.privateKey))).ok).toBe(false);
    expect((await strict.verify(await withAlg('PS256', 'ps', ps.privateKey))).ok).toBe(false);
  });

  it("checks the issuer at a sovereign cloud's authority host", async () => {
    const gov = createTokenVerifier({
      keys: createLocalJWKSet({ keys: [await publicJwk()] }),
      clientId: CLIENT_ID,
      authorityHost: 'https://login.microsoftonline.us',
    });
    const govIssuer = { iss: `https://login.microsoftonline.us/${TID}/v2.0` };
    expect((await gov.verify(await sign(claims(govIssuer)))).ok).toBe(true);
    expect((await gov.verify(await sign(claims()))).ok).toBe(false);
  });

  it.each([
    ['an issuer of another tenant', { iss: `https://login.microsoftonline.com/${OTHER_TID}/v2.0` }],
    ['an issuer that only starts right', { iss: `https://login.microsoftonline.com/${TID}/v2.0/extra` }],
    ['no tenant', { tid: undefined }],
    ['a tenant that is not a name', { tid: '../x', iss: 'https://login.microsoftonline.com/../x/v2.0' }],
    ['another audience', { aud: 'someone-else' }],
    ['an api:// audience of another app', { aud: 'api://contoso.example/someone-else' }],
    ['no access_as_user scope', { scp: 'User.Read' }],
    ['a scope that only contains the word', { scp: 'access_as_user_not' }],
    ['no oid', { oid: undefined }],
    ['a not-yet-valid token', { nbf: now() + 600 }],
  ])('rejects %s', async (_, overrides) => {
    const verified = await verifier.verify(await sign(claims(overrides)));
    expect(verified.ok).toBe(false);
  });

  it('names the actor by the oid in lower case, as member ids are kept', async () => {
    const verified = await verifier.verify(
      await sign(claims({ oid: 'C0FFEE00-AAAA-4BBB-8CCC-0123456789AB' })),
    );
    expect(verified.ok && verified.actor.userId).toBe('c0ffee00-aaaa-4bbb-8ccc-0123456789ab');
  });

  it('rejects an expired token, but forgives a small clock skew', async () => {
    expect((await verifier.verify(await sign(claims(), signing.privateKey, now() - 300))).ok).toBe(false);
    expect((await verifier.verify(await sign(claims(), signing.privateKey, now() - 20))).ok).toBe(true);
  });

  it('rejects a signature by another key', async () => {
    const forged = await sign(claims(), stranger.privateKey);
    expect(await verifier.verify(forged)).toEqual({
      ok: false,
      failure: { reason: expect.stringMatching(/signature/) },
    });
  });

  it('rejects alg none and HS256', async () => {
    const unsigned = new UnsecuredJWT(claims()).setIssuedAt().setExpirationTime('1h').encode();
    const hmac = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-of-thirty-two-bytes!'));
    expect((await verifier.verify(unsigned)).ok).toBe(false);
    expect((await verifier.verify(hmac)).ok).toBe(false);
  });

  it('rejects what is not a JWT, without repeating it', async () => {
    const verified = await verifier.verify('not.a.jwt-secret-value');
    expect(verified.ok).toBe(false);
    expect(JSON.stringify(verified)).not.toContain('secret');
  });

  it('keeps a single-tenant app to its tenant', async () => {
    const jwk = { ...(await exportJWK(signing.publicKey)), kid: 'k1', alg: 'RS256' };
    const single = createTokenVerifier({
      keys: createLocalJWKSet({ keys: [jwk] }),
      clientId: CLIENT_ID,
      tenantId: OTHER_TID,
    });
    expect((await single.verify(await sign(claims()))).ok).toBe(false);
  });
});
